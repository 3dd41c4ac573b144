package cn.qinghai.ledger.query.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The event feed's reader: every event of the event store in global order, read straight from the
 * store rather than from a read model, so it is complete whatever the projections do. A position is the
 * store's global index ({@code global_index} of the JPA store, from 1; Axon Server's token, from 0);
 * {@code after = -1} reads from the first event. Pages never let a client skip an event
 * ({@link FeedPages}): the last position a client saw is all it needs to resume.
 *
 * <p>With the JPA store the events are read from the storage engine itself, one query per page, not
 * through the embedded event store's shared tailing cache: a page is a plain read of committed rows
 * in index order. With Axon Server, positions are handed out at commit and never missing.
 */
@Component
class EventFeed {

    private final EventStore store;
    private final EventStorageEngine storage;
    private final AppendBarrier barrier;
    private final CloudEventMapping mapping;
    private final FeedProperties properties;
    private volatile Class<?> tokenKind;

    EventFeed(
            EventStore store,
            ObjectProvider<EventStorageEngine> storage,
            AppendBarrier barrier,
            CloudEventMapping mapping,
            FeedProperties properties) {
        this.store = store;
        this.storage = storage.getIfAvailable();
        this.barrier = barrier;
        this.mapping = mapping;
        this.properties = properties;
    }

    /** At most {@code limit} events after position {@code after}, as far as the store has settled them. */
    List<FeedEntry> page(long after, int limit) {
        try {
            return FeedPages.page(this::read, barrier, firstPosition(), after, limit, properties.getSettleTimeout())
                    .stream()
                    .map(this::entry)
                    .toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event store", e);
        }
    }

    /** Committed events after {@code after}, in position order, at most {@code limit}. */
    private List<FeedPages.Positioned<TrackedEventMessage<?>>> read(long after, int limit) {
        List<FeedPages.Positioned<TrackedEventMessage<?>>> events = new ArrayList<>();
        TrackingToken from = tokenAfter(after);
        if (storage != null) {
            try (Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(from, false)) {
                stream.limit(limit).forEach(e -> events.add(new FeedPages.Positioned<>(positionOf(e), e)));
            }
            return events;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(from)) {
            while (events.size() < limit && stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> e = stream.nextAvailable();
                events.add(new FeedPages.Positioned<>(positionOf(e), e));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event store", e);
        }
        return events;
    }

    FeedEntry entry(FeedPages.Positioned<TrackedEventMessage<?>> event) {
        var cloudEvent = mapping.toCloudEvent(event.event(), event.position());
        return new FeedEntry(event.position(), cloudEvent.getType(), CloudEventMapping.json(cloudEvent));
    }

    Duration streamPoll() {
        return properties.getStreamPoll();
    }

    /** The first position a store hands out: its sequence's first number (JPA) or 0 (Axon Server). */
    private long firstPosition() {
        return storage != null ? 1 : 0;
    }

    /**
     * The token that stands just after {@code after}, of the kind the store uses: gap-aware (JPA, JDBC)
     * or a global sequence (Axon Server). Learnt from the store's tail token once it has an event; before
     * that the store is empty and reading from the start is the same thing.
     */
    TrackingToken tokenAfter(long after) {
        if (after < 0) {
            return null;
        }
        Class<?> kind = tokenKind;
        if (kind == null) {
            TrackingToken tail = store.createTailToken();
            if (tail == null) {
                return null;
            }
            tokenKind = kind = tail.getClass();
        }
        if (kind == GapAwareTrackingToken.class) {
            return GapAwareTrackingToken.newInstance(after, Collections.emptySortedSet());
        }
        if (kind == GlobalSequenceTrackingToken.class) {
            return new GlobalSequenceTrackingToken(after);
        }
        throw new IllegalStateException("the event store's tokens are " + kind.getName()
                + "; the feed reads gap-aware (JPA, JDBC) or global-sequence (Axon Server) stores");
    }

    /**
     * The global position of an event read in order: the index of its gap-aware token (the JPA engine
     * advances the token to each event's own index), or Axon Server's sequence.
     */
    static long positionOf(TrackedEventMessage<?> event) {
        TrackingToken token = event.trackingToken();
        if (token == null) {
            throw new IllegalStateException("an event of the store's stream has no tracking token");
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex();
        }
        return token.position()
                .orElseThrow(() -> new IllegalStateException("a tracking token without a position: "
                        + token.getClass().getName()));
    }
}
