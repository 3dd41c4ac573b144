package cn.qinghai.ledger.query.platform;

import cn.qinghai.ledger.platform.web.Problems;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Admission of long-lived server-sent-event streams: at most {@code max} at a time, and at most
 * {@code maxPerUser} for one user, so that one client (or a reconnect storm) cannot take every slot.
 * A refused stream is a problem answer with {@code Retry-After}: 429 when the user holds their share,
 * 503 when the service holds all it may. A slot is released exactly once, however many of a stream's
 * endings (completion, timeout, error, failed write) report it.
 */
public final class StreamSlots {

    public static final URI TOO_MANY_STREAMS = URI.create(Problems.BASE + "too-many-streams");
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final String what;
    private final int max;
    private final int maxPerUser;
    private final ConcurrentHashMap<String, Integer> perUser = new ConcurrentHashMap<>();
    private int inUse;

    public StreamSlots(String what, int max, int maxPerUser) {
        if (max < 1 || maxPerUser < 1) {
            throw new IllegalArgumentException("stream limits must be positive: " + max + ", " + maxPerUser);
        }
        this.what = what;
        this.max = max;
        this.maxPerUser = maxPerUser;
    }

    /** A slot for {@code user}'s new stream, or a 429/503 problem when there is none. */
    public synchronized Slot acquire(String user) {
        if (perUser.getOrDefault(user, 0) >= maxPerUser) {
            throw refused(HttpStatus.TOO_MANY_REQUESTS, "you already have " + maxPerUser + " open " + what
                    + " streams; close one or retry later");
        }
        if (inUse >= max) {
            throw refused(HttpStatus.SERVICE_UNAVAILABLE, "the service serves " + max + " " + what
                    + " streams at most and all are open; retry later");
        }
        inUse++;
        perUser.merge(user, 1, Integer::sum);
        return new Slot(user);
    }

    public synchronized int inUse() {
        return inUse;
    }

    private synchronized void release(String user) {
        inUse--;
        perUser.computeIfPresent(user, (u, n) -> n <= 1 ? null : n - 1);
    }

    private static ErrorResponseException refused(HttpStatus status, String detail) {
        ErrorResponseException refused = new ErrorResponseException(status,
                Problems.of(status, TOO_MANY_STREAMS, "Too many streams", detail), null);
        refused.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()));
        return refused;
    }

    /** One admitted stream; {@link #release()} is idempotent. */
    public final class Slot {

        private final String user;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String user) {
            this.user = user;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                StreamSlots.this.release(user);
            }
        }
    }
}
