package cn.qinghai.ledger.query.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts what the event store's stream delivers into strict position order, so that "the last position
 * I saw" is a complete resume point: a client that passes it again never misses and never repeats an
 * event.
 *
 * <p>Why it is needed: on a JPA/JDBC store the global index is handed out when a row is inserted, not
 * when its transaction commits. Two commands committing concurrently can make position 11 visible
 * before 10; Axon's gap-aware token records 10 as a gap and delivers it later if it commits. A feed
 * that sent 11 first would let a client resume after 11 and never see 10. So an event waits here
 * while a lower position is still a gap, and is released once every lower position has been released
 * or the gap is settled: the event after it is older than {@code gapGrace} (the number then belongs to
 * a transaction that rolled back, e.g. a refused concurrent change, and stays empty for ever). A
 * transaction that commits later than that is reported as a late arrival and skipped: the trade-off
 * Axon's own processors make after their gap timeout, with a grace far longer than any command here.
 * Axon Server hands out dense positions at commit and has no gaps, so there nothing ever waits.
 *
 * <p>An event's position is read from the tokens: a gap-aware token that moves its index forward is at
 * that index; one that keeps its index but loses a gap is the late commit of that gap (Axon keeps the
 * newest index in the token). Not thread-safe: one window per reader.
 */
final class FeedWindow {

    /** An event of the store with its global position. */
    record Positioned(long position, TrackedEventMessage<?> message) {
    }

    private static final Logger log = LoggerFactory.getLogger(FeedWindow.class);

    private final Duration gapGrace;
    private final int capacity;
    private final long start;
    private final TreeMap<Long, TrackedEventMessage<?>> pending = new TreeMap<>();
    private SortedSet<Long> gaps = Collections.emptySortedSet();
    private long newest;
    private long cursor;
    private long lateArrivals;

    /** A window releasing events after position {@code after} (-1: from the first event). */
    FeedWindow(long after, Duration gapGrace, int capacity) {
        this.start = after;
        this.cursor = after;
        this.newest = after;
        this.gapGrace = gapGrace;
        this.capacity = capacity;
    }

    /** Takes the next message of the store's stream (in the stream's order). */
    void offer(TrackedEventMessage<?> message) {
        long position = position(message.trackingToken());
        if (position <= cursor) {
            if (position > start) {
                lateArrivals++;
                log.warn("event {} at position {} was committed after the feed had passed it (gap grace {}); "
                        + "feed clients will not see it", message.getIdentifier(), position, gapGrace);
            }
            return;
        }
        pending.put(position, message);
    }

    /** Whether the window holds as many waiting events as it may: stop reading until some are released. */
    boolean isFull() {
        return pending.size() >= capacity;
    }

    /** The events that may go out now, in position order, at most {@code max}. */
    List<Positioned> release(Instant now, int max) {
        List<Positioned> released = new ArrayList<>();
        Instant settledBefore = now.minus(gapGrace);
        while (!pending.isEmpty() && released.size() < max) {
            var first = pending.firstEntry();
            long position = first.getKey();
            boolean lowerStillOpen = !gaps.subSet(cursor + 1, position).isEmpty();
            if (lowerStillOpen && first.getValue().getTimestamp().isAfter(settledBefore)) {
                break;
            }
            pending.pollFirstEntry();
            cursor = position;
            released.add(new Positioned(position, first.getValue()));
        }
        return released;
    }

    /** The position of the last released event (or the starting point). */
    long cursor() {
        return cursor;
    }

    long lateArrivals() {
        return lateArrivals;
    }

    /** The position of the event that moved the stream to {@code token}; remembers the token's gaps. */
    private long position(TrackingToken token) {
        if (!(token instanceof GapAwareTrackingToken gapAware)) {
            return positionOf(token);
        }
        long index = gapAware.getIndex();
        SortedSet<Long> previous = gaps;
        if (index > newest) {
            newest = index;
            gaps = gapAware.getGaps();
            return index;
        }
        gaps = gapAware.getGaps();
        TreeSet<Long> filled = new TreeSet<>(previous);
        filled.removeAll(gaps);
        // the late commit of a gap; older gaps Axon dropped at the same time (timed out) are lower
        return filled.isEmpty() ? index : filled.last();
    }

    /** The global position a token stands for: the index of a JPA/JDBC token, Axon Server's sequence. */
    static long positionOf(TrackingToken token) {
        if (token == null) {
            throw new IllegalStateException("an event of the store's stream has no tracking token");
        }
        return token.position().orElseThrow(() ->
                new IllegalStateException("a tracking token without a position: " + token.getClass().getName()));
    }
}
