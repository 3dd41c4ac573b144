package cn.qinghai.ledger.query.audit;

import cn.qinghai.ledger.query.platform.ProjectionBatch;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The audit trail (审计台账): one entry per stored event, in global order, with who, for which unit,
 * in which role, why and in which request, the payload, and the event's link in the hash chain
 * ({@link AuditChain}).
 *
 * <p>Runs in its own pooled streaming processor with a single segment ({@link AuditConfiguration}),
 * so events arrive in global order and each link is computed from the one recorded before it. An
 * event that arrives below entries already recorded (a JPA transaction that committed late) is placed
 * at its own position and the links after it are recomputed.
 *
 * <p>Idempotent: entries are keyed by global position; a redelivered event finds its entry and
 * changes nothing. There is deliberately no reset handler: the trail is the evidence the event store
 * is verified against, so it is never rebuilt from the store it is meant to check.
 */
@Component
@ProcessingGroup(AuditTrailProjection.GROUP)
public class AuditTrailProjection {

    public static final String GROUP = "audit";

    private static final Logger log = LoggerFactory.getLogger(AuditTrailProjection.class);

    private final AuditTrail trail;
    private final Serializer serializer;
    private final GlobalIndexLookup globalIndex;

    public AuditTrailProjection(
            AuditTrail trail, @Qualifier("eventSerializer") Serializer serializer, GlobalIndexLookup globalIndex) {
        this.trail = trail;
        this.serializer = serializer;
        this.globalIndex = globalIndex;
    }

    @EventHandler
    void on(EventMessage<?> event) {
        if (!(event instanceof TrackedEventMessage<?> tracked)) {
            throw new IllegalStateException("the audit trail needs tracked events from a streaming processor");
        }
        ProjectionBatch batch = ProjectionBatch.current();
        if (batch == null) {
            recordNow(tracked);
        } else {
            batch.part(this, Staged::new).stage(tracked);
        }
    }

    /** Records one event at once, with every check: redelivery, a gap filled late, entries to relink. */
    private void recordNow(TrackedEventMessage<?> tracked) {
        long tokenPosition = positionOf(tracked.trackingToken());
        // one lookup for both questions of the common case: is the position taken, and what is below it
        NearEntries near = trail.near(tokenPosition);
        Long position = place(tracked, tokenPosition, near.eventIdAt(tokenPosition));
        if (position == null) {
            return;
        }
        Document previous = position == tokenPosition ? near.below(position) : null;
        record(
                CanonicalEvent.of(position, tracked, serializer),
                previous != null ? previous : trail.lastBefore(position));
    }

    /**
     * The trail's part of one processor batch. A run of events in ascending positions above the trail's
     * high-water mark (the live case) is chained in memory, each entry to the one before it, and written
     * together: the mark raised to the run's last position, then the entries inserted in one request.
     * Entries between two events of a run cannot exist: they would lie above the mark. An event that does
     * not continue the run (a redelivery, a transaction that committed late, a trail without a mark) ends
     * it: the run is written, and that event goes through every check at once, as outside a batch.
     */
    private final class Staged implements ProjectionBatch.Part {

        private final List<Document> run = new ArrayList<>();
        private Long markAtStart;
        private long lastPosition = -1;
        private byte[] lastLink;

        void stage(TrackedEventMessage<?> tracked) {
            long position = positionOf(tracked.trackingToken());
            if (lastLink == null) {
                markAtStart = trail.mark();
            }
            boolean continuesRun =
                    markAtStart != null && position > markAtStart && (lastLink == null || position > lastPosition);
            if (!continuesRun) {
                flush();
                recordNow(tracked);
                return;
            }
            byte[] previous = lastLink;
            if (previous == null) {
                Document below = trail.lastBefore(position);
                previous = below == null ? AuditChain.GENESIS : AuditChain.unhex(below.getString(AuditEntries.LINK));
            }
            CanonicalEvent canonical = CanonicalEvent.of(position, tracked, serializer);
            byte[] digest = canonical.digest();
            lastLink = AuditChain.link(previous, digest);
            lastPosition = position;
            run.add(AuditEntries.of(canonical, digest, lastLink));
        }

        @Override
        public void flush() {
            if (!run.isEmpty()) {
                trail.raiseMark(lastPosition);
                trail.insertAll(run);
                run.clear();
            }
            lastLink = null;
            lastPosition = -1;
            markAtStart = null;
        }
    }

    /** The event's global position, or null when the trail already holds it (a redelivery). */
    private Long place(TrackedEventMessage<?> event, long tokenPosition, String there) {
        if (there == null) {
            return tokenPosition;
        }
        if (event.getIdentifier().equals(there)) {
            return null;
        }
        // The token's position belongs to an event already recorded: this one filled a gap below it.
        long own = globalIndex
                .globalIndexOf(event.getIdentifier())
                .orElseThrow(() -> new IllegalStateException("cannot place event " + event.getIdentifier()
                        + ": its token points at position " + tokenPosition
                        + ", which holds another event, and the store cannot say its own position"));
        String atOwn = trail.eventIdAt(own);
        if (atOwn == null) {
            return own;
        }
        if (event.getIdentifier().equals(atOwn)) {
            return null;
        }
        throw new IllegalStateException("position " + own + " holds event " + atOwn + " in the audit trail but event "
                + event.getIdentifier() + " in the event store");
    }

    /** Records one event at its position, linked to the entry before it. */
    void record(CanonicalEvent event) {
        record(event, trail.lastBefore(event.position()));
    }

    /** Records one event at its position, linked to {@code previous} (the entry before it, or null). */
    private void record(CanonicalEvent event, Document previous) {
        byte[] previousLink =
                previous == null ? AuditChain.GENESIS : AuditChain.unhex(previous.getString(AuditEntries.LINK));
        byte[] digest = event.digest();
        byte[] link = AuditChain.link(previousLink, digest);
        boolean above = trail.raiseMarkAndCheckAbove(event.position());
        // A late event relinks the entries after it BEFORE its own entry is written: a redelivered event
        // whose entry exists changes nothing, so an entry written first and a process killed before the
        // relink left the chain broken for ever (the crash test found it). Relinked first, a kill at any
        // point leaves the entry missing, the token unmoved, and the redelivery does the whole work again.
        if (above) {
            int relinked = trail.relinkAfter(event.position(), link);
            log.info(
                    "audit trail: event {} arrived late at position {}; relinked {} later entries",
                    event.eventIdentifier(),
                    event.position(),
                    relinked);
        }
        trail.insert(AuditEntries.of(event, digest, link));
    }

    static long positionOf(TrackingToken token) {
        return token.position()
                .orElseThrow(() ->
                        new IllegalStateException("the audit trail needs tokens with a global position, got " + token));
    }
}
