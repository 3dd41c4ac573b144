package cn.qinghai.ledger.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The table behind {@code Idempotency-Key} ({@code idempotency_record}). A record is in one of three
 * states: {@linkplain #IN_PROGRESS in progress} (leased to one attempt until {@code lease_until}),
 * {@linkplain #COMMITTED committed} (the command's own transaction marked it: the command took effect,
 * its HTTP answer is not recorded yet) or answered (the HTTP status and answer of the first request).
 */
@Component
public class IdempotencyRecords {

    public static final int IN_PROGRESS = 0;
    public static final int COMMITTED = 1;

    /** What a record holds. {@code status} is one of the two states above or an HTTP status. */
    public record Row(
            String requestHash,
            int status,
            String attempt,
            Instant leaseUntil,
            String contentType,
            String location,
            String etag,
            byte[] body) {}

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public IdempotencyRecords(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Opens an in-progress record for {@code attempt}; false when the key is taken. */
    boolean open(String recordKey, String requestHash, String attempt, Instant now, Instant leaseUntil) {
        try {
            jdbc.update(
                    "insert into idempotency_record (record_key, request_hash, status, attempt, lease_until, created_at)"
                            + " values (?, ?, ?, ?, ?, ?)",
                    recordKey,
                    requestHash,
                    IN_PROGRESS,
                    attempt,
                    Timestamp.from(leaseUntil),
                    Timestamp.from(now));
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    Optional<Row> find(String recordKey) {
        List<Row> rows = jdbc.query(
                "select request_hash, status, attempt, lease_until, content_type, location, etag, body"
                        + " from idempotency_record where record_key = ?",
                (rs, i) -> new Row(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getTimestamp(4) == null
                                ? Instant.EPOCH
                                : rs.getTimestamp(4).toInstant(),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getBytes(8)),
                recordKey);
        return rows.stream().findFirst();
    }

    /**
     * Takes over an in-progress record whose lease ran out (its request died with its process, or
     * hangs): true when this attempt now owns it. Only one of several concurrent retries wins.
     */
    boolean takeOver(String recordKey, String expiredAttempt, String attempt, Instant now, Instant leaseUntil) {
        return jdbc.update(
                        "update idempotency_record set attempt = ?, lease_until = ?, created_at = ?"
                                + " where record_key = ? and status = ? and (attempt = ? or attempt is null) and (lease_until is null or lease_until <= ?)",
                        attempt,
                        Timestamp.from(leaseUntil),
                        Timestamp.from(now),
                        recordKey,
                        IN_PROGRESS,
                        expiredAttempt,
                        Timestamp.from(now))
                == 1;
    }

    /**
     * Called inside the command's transaction, before it commits: marks the record committed with
     * what the command changed. False when the attempt no longer owns the record (its lease ran out
     * and a retry took it over): the caller must then roll the command back.
     */
    public boolean markCommitted(String recordKey, String attempt, String changedId, String etag) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(Collections.singletonMap("id", changedId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return jdbc.update(
                        "update idempotency_record set status = ?, content_type = ?, etag = ?, body = ?"
                                + " where record_key = ? and attempt = ? and status in (?, ?)",
                        COMMITTED,
                        "application/json",
                        etag,
                        body,
                        recordKey,
                        attempt,
                        IN_PROGRESS,
                        COMMITTED)
                == 1;
    }

    /** Records the HTTP answer of the owning attempt. */
    void answer(
            String recordKey,
            String attempt,
            int status,
            String contentType,
            String location,
            String etag,
            byte[] body) {
        jdbc.update(
                "update idempotency_record set status = ?, content_type = ?, location = ?, etag = ?, body = ?,"
                        + " lease_until = null where record_key = ? and attempt = ?",
                status,
                contentType,
                location,
                etag,
                body,
                recordKey,
                attempt);
    }

    /** Forgets an attempt that failed before its command committed, so the client may retry at once. */
    void abandon(String recordKey, String attempt) {
        jdbc.update(
                "delete from idempotency_record where record_key = ? and attempt = ? and status = ?",
                recordKey,
                attempt,
                IN_PROGRESS);
    }

    void purgeOlderThan(Instant limit) {
        jdbc.update("delete from idempotency_record where created_at < ?", Timestamp.from(limit));
    }
}
