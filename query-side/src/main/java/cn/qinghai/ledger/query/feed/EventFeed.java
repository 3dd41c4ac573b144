package cn.qinghai.ledger.query.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The event feed's reader: every event of the event store in global order, read straight from the
 * store ({@link EventStore#openStream}) rather than from a read model, so it is complete whatever the
 * projections do. A position is the store's global index ({@code global_index} of the JPA/JDBC store,
 * starting at 1; Axon Server's token, starting at 0); {@code after = -1} reads from the first event.
 * Events leave in strict position order ({@link FeedWindow}), so the last position a client saw is
 * all it needs to resume.
 */
@Component
class EventFeed {

    /** How many events a window may hold back behind an unsettled gap before reading pauses. */
    static final int WINDOW_CAPACITY = 10_000;

    private final EventStore store;
    private final CloudEventMapping mapping;
    private final FeedProperties properties;
    private volatile Class<?> tokenKind;

    EventFeed(EventStore store, CloudEventMapping mapping, FeedProperties properties) {
        this.store = store;
        this.mapping = mapping;
        this.properties = properties;
    }

    /** At most {@code limit} events after position {@code after}, as far as the store has them now. */
    List<FeedEntry> page(long after, int limit) {
        List<FeedEntry> page = new ArrayList<>();
        FeedWindow window = window(after);
        try (BlockingStream<TrackedEventMessage<?>> stream = openAfter(after)) {
            while (page.size() < limit && !window.isFull() && stream.hasNextAvailable()) {
                window.offer(stream.nextAvailable());
                window.release(now(), limit - page.size()).forEach(e -> page.add(entry(e)));
            }
            window.release(now(), limit - page.size()).forEach(e -> page.add(entry(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event store", e);
        }
        return page;
    }

    /** A stream of the store from just after {@code after}; the caller closes it. */
    BlockingStream<TrackedEventMessage<?>> openAfter(long after) {
        return store.openStream(tokenAfter(after));
    }

    FeedWindow window(long after) {
        return new FeedWindow(after, properties.getGapGrace(), WINDOW_CAPACITY);
    }

    FeedEntry entry(FeedWindow.Positioned event) {
        var cloudEvent = mapping.toCloudEvent(event.message(), event.position());
        return new FeedEntry(event.position(), cloudEvent.getType(), CloudEventMapping.json(cloudEvent));
    }

    /** Event timestamps come from Axon's clock, so "how old is this event" asks the same clock. */
    static Instant now() {
        return GenericEventMessage.clock.instant();
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
}
