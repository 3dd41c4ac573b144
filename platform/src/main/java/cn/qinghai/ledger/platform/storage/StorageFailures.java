package cn.qinghai.ledger.platform.storage;

import java.sql.SQLException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure of the storage itself (disk full, I/O error, database closed or unreachable) from
 * anything a request did wrong. Such a failure is the service's, is temporary from the client's point of
 * view, and is answered {@code 503} with {@code Retry-After}, never a bare {@code 500}.
 */
public final class StorageFailures {

    /** H2's codes for a store that cannot write: I/O errors, no disk space, read-only, closed, corrupted. */
    private static final Set<Integer> H2_STORAGE_CODES = Set.of(90028, 90031, 90030, 90097, 90098, 90100, 90121);
    /**
     * SQL states of a store that cannot serve: connection exceptions (08), insufficient resources such as a
     * full disk (53), operator intervention such as a shutdown (57), system errors such as I/O (58).
     */
    private static final Set<String> SQL_STATE_CLASSES = Set.of("08", "53", "57", "58");

    private static final Set<String> MONGO_UNAVAILABLE = Set.of(
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoSocketReadException",
            "com.mongodb.MongoSocketOpenException",
            "com.mongodb.MongoSocketWriteException",
            "com.mongodb.MongoSocketClosedException",
            "com.mongodb.MongoSocketReadTimeoutException");

    private StorageFailures() {}

    /** The storage failure among {@code failure} and its causes, or null when there is none. */
    public static Throwable find(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (isStorageFailure(t)) {
                return t;
            }
        }
        return null;
    }

    private static boolean isStorageFailure(Throwable t) {
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            return H2_STORAGE_CODES.contains(sql.getErrorCode())
                    || (state != null && state.length() >= 2 && SQL_STATE_CLASSES.contains(state.substring(0, 2)));
        }
        return t instanceof DataAccessResourceFailureException
                || t instanceof TransientDataAccessResourceException
                || t instanceof CannotCreateTransactionException
                || t.getClass().getName().equals("org.h2.mvstore.MVStoreException")
                || MONGO_UNAVAILABLE.contains(t.getClass().getName());
    }

    /** A short reason for logs and answers: the failure's message, without a stack trace. */
    public static String reason(Throwable storageFailure) {
        String message = storageFailure.getMessage();
        String text = storageFailure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        int newline = text.indexOf('\n');
        text = newline < 0 ? text : text.substring(0, newline);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
