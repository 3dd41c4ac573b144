package cn.qinghai.ledger.query.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Collections;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The feed opens the store just after a position with a token of the store's own kind: gap-aware for
 * the JPA/JDBC stores of the embedded and postgres profiles, a global sequence for Axon Server.
 */
class EventFeedTest {

    static EventFeed feedOn(EventStore store) {
        return new EventFeed(
                store,
                new StaticListableBeanFactory().getBeanProvider(EventStorageEngine.class),
                AppendBarrier.NONE,
                null,
                new FeedProperties());
    }

    @Test
    void onAJpaStoreTheFeedResumesWithAGapAwareTokenWithoutGaps() {
        EventStore store = mock(EventStore.class);
        when(store.createTailToken()).thenReturn(GapAwareTrackingToken.newInstance(0, Collections.emptySet()));
        assertThat(feedOn(store).tokenAfter(41))
                .isEqualTo(GapAwareTrackingToken.newInstance(41, Collections.emptySet()));
    }

    @Test
    void onAxonServerTheFeedResumesWithAGlobalSequenceToken() {
        EventStore store = mock(EventStore.class);
        when(store.createTailToken()).thenReturn(new GlobalSequenceTrackingToken(-1));
        assertThat(feedOn(store).tokenAfter(41)).isEqualTo(new GlobalSequenceTrackingToken(41));
    }

    @Test
    void fromTheStartOrOnAnEmptyStoreTheFeedReadsFromTheFirstEvent() {
        EventStore store = mock(EventStore.class);
        assertThat(feedOn(store).tokenAfter(-1)).isNull();
        when(store.createTailToken()).thenReturn(null);
        assertThat(feedOn(store).tokenAfter(5)).isNull();
    }
}
