package cn.qinghai.ledger.query.admin;

import java.util.Collections;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Asks the event store about single positions, through Axon's streaming API, so the same questions
 * work on the JPA store and on Axon Server: where its head is, and which event it holds at a position.
 */
final class EventStoreProbe {

    private static final int WAIT_SECONDS = 2;

    private final EventStore store;

    EventStoreProbe(EventStore store) {
        this.store = store;
    }

    /** The position of the store's last event; empty for an empty store. */
    OptionalLong head() {
        TrackingToken head = store.createHeadToken();
        return head == null ? OptionalLong.empty() : head.position();
    }

    /** Whether the store holds, at {@code position}, the event with identifier {@code eventId}. */
    boolean holds(long position, String eventId) {
        TrackingToken before = tokenBefore(position);
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(before)) {
            if (!stream.hasNextAvailable(WAIT_SECONDS, TimeUnit.SECONDS)) {
                return false;
            }
            TrackedEventMessage<?> next = stream.nextAvailable();
            return next.trackingToken().position().orElse(-1) == position
                    && next.getIdentifier().equals(eventId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event store", e);
        }
    }

    /** A token of the store's own kind that stands just before {@code position}, with no gaps. */
    private TrackingToken tokenBefore(long position) {
        if (position <= 0) {
            return null;
        }
        TrackingToken head = store.createHeadToken();
        if (head instanceof GlobalSequenceTrackingToken) {
            return new GlobalSequenceTrackingToken(position - 1);
        }
        return GapAwareTrackingToken.newInstance(position - 1, Collections.emptySortedSet());
    }
}
