package cn.qinghai.ledger.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/**
 * The window behind both feed endpoints, fed as Axon's JPA/JDBC store feeds a stream: each event's
 * token is the previous one advanced to the event's global index ({@code advanceTo}), so an index
 * skipped is a gap and a gap filled later keeps the token at its newest index.
 */
class FeedWindowTest {

    static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
    static final Duration GRACE = Duration.ofSeconds(10);

    /** A store stream starting after {@code after}, as the JPA engine computes its tokens. */
    static final class StoreStream {
        private GapAwareTrackingToken token;

        StoreStream(long after) {
            token = GapAwareTrackingToken.newInstance(after, Collections.emptySortedSet());
        }

        TrackedEventMessage<?> commit(long globalIndex, Instant at) {
            token = token.advanceTo(globalIndex, 10_000);
            return message(token, "e-" + globalIndex, at);
        }
    }

    static TrackedEventMessage<?> message(TrackingToken token, String id, Instant at) {
        return new GenericTrackedEventMessage<>(token, new GenericEventMessage<>(id, "payload", Map.of(), at));
    }

    static List<String> ids(List<FeedWindow.Positioned> released) {
        return released.stream().map(p -> p.position() + ":" + p.message().getIdentifier()).toList();
    }

    @Test
    void eventsWithoutGapsLeaveAtOnceInPositionOrder() {
        StoreStream store = new StoreStream(0);
        FeedWindow window = new FeedWindow(0, GRACE, 100);
        window.offer(store.commit(1, NOW));
        window.offer(store.commit(2, NOW));
        window.offer(store.commit(3, NOW));
        assertThat(ids(window.release(NOW, 2))).containsExactly("1:e-1", "2:e-2");
        assertThat(ids(window.release(NOW, 10))).containsExactly("3:e-3");
        assertThat(window.cursor()).isEqualTo(3);
    }

    @Test
    void anEventAboveAnUncommittedPositionWaitsAndTheLateCommitLeavesFirstWithItsOwnPosition() {
        StoreStream store = new StoreStream(10);
        FeedWindow window = new FeedWindow(10, GRACE, 100);
        window.offer(store.commit(12, NOW));
        assertThat(window.release(NOW, 10)).as("11 may still commit").isEmpty();
        window.offer(store.commit(11, NOW.plusMillis(5)));
        assertThat(ids(window.release(NOW.plusMillis(5), 10))).containsExactly("11:e-11", "12:e-12");
    }

    @Test
    void aGapOlderThanTheGraceIsARolledBackNumberAndNoLongerHoldsAnythingBack() {
        StoreStream store = new StoreStream(10);
        FeedWindow window = new FeedWindow(10, GRACE, 100);
        window.offer(store.commit(12, NOW));
        window.offer(store.commit(13, NOW));
        assertThat(window.release(NOW.plusSeconds(9), 10)).isEmpty();
        assertThat(ids(window.release(NOW.plusSeconds(11), 10))).containsExactly("12:e-12", "13:e-13");
    }

    @Test
    void aCommitArrivingAfterTheFeedPassedItsPositionIsSkippedNotSentOutOfOrder() {
        StoreStream store = new StoreStream(10);
        FeedWindow window = new FeedWindow(10, GRACE, 100);
        window.offer(store.commit(12, NOW));
        assertThat(ids(window.release(NOW.plusSeconds(11), 10))).containsExactly("12:e-12");
        window.offer(store.commit(11, NOW));
        assertThat(window.release(NOW.plusSeconds(11), 10)).isEmpty();
        assertThat(window.lateArrivals()).isEqualTo(1);
        assertThat(window.cursor()).isEqualTo(12);
    }

    @Test
    void eventsAtOrBeforeTheStartingPointAreIgnoredSilently() {
        StoreStream store = new StoreStream(3);
        FeedWindow window = new FeedWindow(5, GRACE, 100);
        window.offer(store.commit(4, NOW));
        window.offer(store.commit(5, NOW));
        window.offer(store.commit(6, NOW));
        assertThat(ids(window.release(NOW, 10))).containsExactly("6:e-6");
        assertThat(window.lateArrivals()).isZero();
    }

    @Test
    void axonServerPositionsHaveNoGapsAndNeverWait() {
        FeedWindow window = new FeedWindow(-1, GRACE, 100);
        window.offer(message(new GlobalSequenceTrackingToken(0), "a", NOW));
        window.offer(message(new GlobalSequenceTrackingToken(1), "b", NOW));
        assertThat(ids(window.release(NOW, 10))).containsExactly("0:a", "1:b");
    }

    @Test
    void aFullWindowAsksTheReaderToPause() {
        StoreStream store = new StoreStream(0);
        FeedWindow window = new FeedWindow(0, GRACE, 2);
        window.offer(store.commit(2, NOW));
        assertThat(window.isFull()).isFalse();
        window.offer(store.commit(3, NOW));
        assertThat(window.isFull()).isTrue();
        assertThat(window.release(NOW, 10)).isEmpty();
    }
}
