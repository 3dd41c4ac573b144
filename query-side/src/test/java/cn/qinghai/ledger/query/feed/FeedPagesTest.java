package cn.qinghai.ledger.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The feed's page rule against a simulated store whose transactions take positions in increasing
 * order and commit or roll back in any order, while a reader pages from its resume point with random
 * page sizes. Whatever the interleaving, the reader receives every committed position once, in order,
 * and never one that rolled back.
 */
class FeedPagesTest {

    /** A store: positions handed out by a sequence, visible only once their transaction commits. */
    static final class SimulatedStore {

        final Random random;
        final TreeMap<Long, String> committed = new TreeMap<>();
        final List<List<Long>> inFlight = new ArrayList<>();
        long next = 1;

        SimulatedStore(Random random) {
            this.random = random;
        }

        void begin() {
            List<Long> taken = new ArrayList<>();
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                taken.add(next++);
            }
            inFlight.add(taken);
        }

        void endOne() {
            if (!inFlight.isEmpty()) {
                end(inFlight.remove(random.nextInt(inFlight.size())));
            }
        }

        void end(List<Long> taken) {
            if (random.nextInt(5) > 0) { // most commit, some roll back and leave their numbers empty
                taken.forEach(p -> committed.put(p, "event-" + p));
            }
        }

        List<FeedPages.Positioned<String>> read(long after, int limit) {
            return committed.tailMap(after, false).entrySet().stream()
                    .limit(limit)
                    .map(e -> new FeedPages.Positioned<>(e.getKey(), e.getValue()))
                    .toList();
        }

        /** The barrier: the transactions in flight now end (in any order), unless it times out. */
        boolean await(Duration timeout) {
            if (random.nextInt(4) == 0) {
                return false;
            }
            List<List<Long>> now = new ArrayList<>(inFlight);
            inFlight.clear();
            while (!now.isEmpty()) {
                end(now.remove(random.nextInt(now.size())));
            }
            return true;
        }
    }

    @Test
    void aReaderPagingWhileTransactionsCommitOutOfOrderGetsEveryEventOnceInOrder() throws InterruptedException {
        for (int trial = 0; trial < 3_000; trial++) {
            Random random = new Random(trial);
            SimulatedStore store = new SimulatedStore(random);
            List<Long> received = new ArrayList<>();
            long cursor = -1;
            for (int step = 0; step < 60; step++) {
                switch (random.nextInt(3)) {
                    case 0 -> store.begin();
                    case 1 -> store.endOne();
                    default -> cursor = readPage(store, random, cursor, received);
                }
            }
            while (!store.inFlight.isEmpty()) {
                store.endOne();
            }
            for (int idle = 0; idle < 50; ) { // page until nothing more comes, allowing for timed-out waits
                long before = cursor;
                cursor = readPage(store, random, cursor, received);
                idle = cursor == before ? idle + 1 : 0;
            }
            assertThat(received).as("trial %d", trial).containsExactlyElementsOf(store.committed.keySet());
        }
    }

    private static long readPage(SimulatedStore store, Random random, long cursor, List<Long> received)
            throws InterruptedException {
        List<FeedPages.Positioned<String>> page =
                FeedPages.page(store::read, store::await, 1, cursor, 1 + random.nextInt(7), Duration.ofSeconds(1));
        for (FeedPages.Positioned<String> event : page) {
            received.add(event.position());
            cursor = event.position();
        }
        return cursor;
    }

    @Test
    void aContiguousPageNeedsNoWait() throws InterruptedException {
        SimulatedStore store = new SimulatedStore(new Random(1));
        for (int i = 0; i < 5; i++) {
            store.begin();
        }
        store.inFlight.forEach(t -> t.forEach(p -> store.committed.put(p, "e")));
        store.inFlight.clear();
        AppendBarrier mustNotWait = timeout -> {
            throw new AssertionError("waited although nothing was missing");
        };
        assertThat(FeedPages.page(store::read, mustNotWait, 1, -1, 100, Duration.ofSeconds(1)))
                .hasSize(store.committed.size());
    }
}
