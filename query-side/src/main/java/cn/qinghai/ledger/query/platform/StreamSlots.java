package cn.qinghai.ledger.query.platform;

import cn.qinghai.ledger.platform.web.Problems;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Admission of long-lived server-sent-event streams: at most {@code max} at a time, at most
 * {@code maxPerUser} for one user and at most {@code maxPerRole} for all users of one role, so that
 * neither one client, nor a reconnect storm, nor one role's accounts can take every slot.
 *
 * <p>A user who already holds their share and opens one more stream gets it: their oldest stream is
 * ended to make room. A browser that reconnects usually does so because its previous connection died,
 * and the server notices a dead connection only at its next write (the heartbeat); ending the oldest
 * means a reconnect never waits for that. A user can end only their own streams this way.
 *
 * <p>A refused stream is a problem answer with {@code Retry-After}: 503 when the role holds its share
 * or the service holds all it may. A slot is released exactly once, however many of a stream's endings
 * (completion, timeout, error, failed write, eviction) report it.
 */
public final class StreamSlots {

    public static final URI TOO_MANY_STREAMS = URI.create(Problems.BASE + "too-many-streams");
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final String what;
    private final int max;
    private final int maxPerUser;
    private final int maxPerRole;
    private final Map<String, Deque<Slot>> perUser = new HashMap<>();
    private final Map<String, Integer> perRole = new HashMap<>();
    private int inUse;

    public StreamSlots(String what, int max, int maxPerUser, int maxPerRole) {
        if (max < 1 || maxPerUser < 1 || maxPerRole < 1) {
            throw new IllegalArgumentException(
                    "stream limits must be positive: " + max + ", " + maxPerUser + ", " + maxPerRole);
        }
        this.what = what;
        this.max = max;
        this.maxPerUser = maxPerUser;
        this.maxPerRole = Math.min(maxPerRole, max);
    }

    /** Slots per {@code limits}: the role's share is {@code max-share-per-role} percent of the pool. */
    public StreamSlots(String what, StreamLimits limits) {
        this(
                what,
                limits.getMaxStreams(),
                limits.getMaxStreamsPerUser(),
                Math.max(1, limits.getMaxStreams() * limits.getMaxSharePerRole() / 100));
    }

    /**
     * A slot for {@code user} (of {@code role}), ending the user's oldest stream if they hold their share;
     * a 503 problem when the role or the service has no room.
     */
    public Slot acquire(String user, String role) {
        Slot evicted = null;
        Slot slot;
        synchronized (this) {
            Deque<Slot> mine = perUser.computeIfAbsent(user, u -> new ArrayDeque<>());
            if (mine.size() >= maxPerUser) {
                evicted = mine.peekFirst();
                evicted.free();
            } else if (perRole.getOrDefault(role, 0) >= maxPerRole) {
                throw refused("the " + what + " streams that users of role " + role + " may hold (" + maxPerRole
                        + ") are all open; retry later");
            } else if (inUse >= max) {
                throw refused("the service serves " + max + " " + what + " streams at most and all are open; "
                        + "retry later");
            }
            slot = new Slot(user, role);
            mine.addLast(slot);
            perRole.merge(role, 1, Integer::sum);
            inUse++;
        }
        if (evicted != null) {
            evicted.evicted();
        }
        return slot;
    }

    public synchronized int inUse() {
        return inUse;
    }

    private static ErrorResponseException refused(String detail) {
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        ErrorResponseException refused = new ErrorResponseException(
                status, Problems.of(status, TOO_MANY_STREAMS, "Too many streams", detail), null);
        refused.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()));
        return refused;
    }

    /** One admitted stream; {@link #release()} is idempotent. */
    public final class Slot {

        private final String user;
        private final String role;
        private final AtomicBoolean released = new AtomicBoolean();
        private final AtomicBoolean wasEvicted = new AtomicBoolean();
        private volatile Runnable onEvicted;

        private Slot(String user, String role) {
            this.user = user;
            this.role = role;
        }

        /** What ends the stream when a newer stream of the same user takes this slot's place. */
        public void onEvicted(Runnable end) {
            this.onEvicted = end;
            if (wasEvicted.get()) {
                end.run();
            }
        }

        public void release() {
            synchronized (StreamSlots.this) {
                free();
            }
        }

        /** Frees the slot's counts; the caller holds the lock. */
        private void free() {
            if (released.compareAndSet(false, true)) {
                inUse--;
                perRole.computeIfPresent(role, (r, n) -> n <= 1 ? null : n - 1);
                Deque<Slot> mine = perUser.get(user);
                if (mine != null) {
                    mine.remove(this);
                    if (mine.isEmpty()) {
                        perUser.remove(user);
                    }
                }
            }
        }

        private void evicted() {
            if (wasEvicted.compareAndSet(false, true)) {
                Runnable end = onEvicted;
                if (end != null) {
                    end.run();
                }
            }
        }
    }
}
