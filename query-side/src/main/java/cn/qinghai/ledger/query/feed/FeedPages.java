package cn.qinghai.ledger.query.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of the feed that can never make a client skip an event. The page is read from the store in
 * position order. If its positions are contiguous from the resume point, it goes out as it is. If a
 * number is missing (taken by a transaction that has not committed yet, or that rolled back), the
 * page waits for every transaction appending at that moment to end ({@link AppendBarrier}) and reads
 * again: now each missing number up to the last position first read is either there or empty for ever,
 * because positions are handed out in increasing order and every number below the last one read was
 * taken before it. The page then ends at that position. Should the wait time out, the page ends just
 * before the first number still missing, and the client asks again. A timer never decides that a number
 * is empty.
 */
final class FeedPages {

    /** An event of the store and its global position. */
    record Positioned<T>(long position, T event) {}

    /** Reads at most {@code limit} committed events after {@code after}, in position order. */
    @FunctionalInterface
    interface Reader<T> {
        List<Positioned<T>> read(long after, int limit);
    }

    private FeedPages() {}

    /**
     * @param firstPosition the position of a store's first event (1 for the JPA store's sequence, 0 for
     *                      Axon Server): numbers below it are never missing
     */
    static <T> List<Positioned<T>> page(
            Reader<T> reader, AppendBarrier barrier, long firstPosition, long after, int limit, Duration settleTimeout)
            throws InterruptedException {
        List<Positioned<T>> first = reader.read(after, limit);
        if (first.isEmpty() || contiguousUpTo(first, firstPosition, after) == first.size()) {
            return first;
        }
        long lastRead = first.get(first.size() - 1).position();
        boolean settled = barrier.awaitInFlightAppends(settleTimeout);
        List<Positioned<T>> again = reader.read(after, limit);
        List<Positioned<T>> page = new ArrayList<>();
        if (settled) {
            for (Positioned<T> event : again) {
                if (event.position() > lastRead) {
                    break;
                }
                page.add(event);
            }
            return page;
        }
        return again.subList(0, contiguousUpTo(again, firstPosition, after));
    }

    /** How many events from the start of {@code events} follow {@code after} without a missing number. */
    static <T> int contiguousUpTo(List<Positioned<T>> events, long firstPosition, long after) {
        long expected = Math.max(after + 1, firstPosition);
        int n = 0;
        for (Positioned<T> event : events) {
            if (event.position() != expected) {
                return n;
            }
            expected++;
            n++;
        }
        return n;
    }
}
