package cn.qinghai.ledger.query.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file that tells a start whether the in-process FILE store was closed cleanly, for {@link
 * StoreRollbackGuard}. That store (H2 MVStore) writes its pages in the background and does not persist a
 * projection's batch as one unit: after a process that was killed, some of a batch's documents can be
 * missing under a token that counts them (the crash test found a task without its assignment and a board
 * count of -1). So a start after an unclean stop (the marker file is still there) rebuilds every projection
 * from the store; a clean stop removes the marker. Real MongoDB is not concerned.
 */
final class ReadModelOpenMarker {

    /** Logs under the guard's name, as it did when the guard kept the marker itself. */
    private static final Logger log = LoggerFactory.getLogger(StoreRollbackGuard.class);

    /** Null when no marker is kept (a store other than the in-process FILE one). */
    private final Path path;

    private final Clock clock;

    ReadModelOpenMarker(Path path, Clock clock) {
        this.path = path;
        this.clock = clock;
    }

    /**
     * Leaves the marker for this run; true when the last run left it too (it was killed). False, with a
     * warning, when the marker cannot be kept.
     */
    boolean leftByUncleanStop() {
        if (path == null) {
            return false;
        }
        try {
            boolean unclean = Files.exists(path);
            Files.createDirectories(path.getParent());
            Files.writeString(path, clock.instant().toString());
            return unclean;
        } catch (IOException e) {
            log.warn("cannot keep the read-model store's open marker {}: {}", path, e.toString());
            return false;
        }
    }

    /** A clean stop: the in-process store is closed with everything written. */
    void removeOnCleanStop() {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                log.warn("cannot remove the read-model store's open marker {}: {}", path, e.toString());
            }
        }
    }
}
