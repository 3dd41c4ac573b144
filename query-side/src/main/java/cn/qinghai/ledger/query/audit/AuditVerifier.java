package cn.qinghai.ledger.query.audit;

import cn.qinghai.ledger.events.RuleViolatedException;
import cn.qinghai.ledger.query.audit.ChainVerification.KeptCheckpoint;
import cn.qinghai.ledger.query.audit.ChainVerification.StoredEvent;
import com.mongodb.client.MongoCursor;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks the event store against the audit trail and, optionally, against a kept checkpoint. It reads
 * the store itself through Axon ({@link EventStore#openStream} from the first event: the same API
 * with the JPA store and with Axon Server), recomputes every digest and the chain, and compares them
 * with the trail ({@link ChainVerification}). One check at a time: it reads the whole history.
 */
@Component
public class AuditVerifier {

    private static final Logger log = LoggerFactory.getLogger(AuditVerifier.class);
    private static final int WAIT_SECONDS = 5;

    private final EventStore eventStore;
    private final AuditTrail trail;
    private final Serializer serializer;
    private final AuditProperties properties;
    private final ZoneId zone;
    private final Semaphore oneAtATime = new Semaphore(1);

    public AuditVerifier(
            EventStore eventStore,
            AuditTrail trail,
            @Qualifier("eventSerializer") Serializer serializer,
            AuditProperties properties,
            @Value("${ledger.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.eventStore = eventStore;
        this.trail = trail;
        this.serializer = serializer;
        this.properties = properties;
        this.zone = zone;
    }

    /** Verifies the whole history; with {@code checkpoint}, also that it is the one the checkpoint fixed. */
    public VerificationReport verify(KeptCheckpoint checkpoint) {
        if (!oneAtATime.tryAcquire()) {
            throw RuleViolatedException.conflict(
                    "OneVerificationAtATime", "a verification is already running; try again when it has finished");
        }
        try {
            // The trail's head first: whatever it recorded was in the store before the store's head is read.
            Document recordedHeadEntry = trail.head();
            Long recordedHead = recordedHeadEntry == null ? null : AuditTrail.position(recordedHeadEntry);
            TrackingToken headToken = eventStore.createHeadToken();
            Long storeHead = headToken == null || headToken.position().isEmpty()
                    ? null
                    : headToken.position().getAsLong();
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null);
                    MongoCursor<Document> recorded = recordedHead == null ? null : trail.upTo(recordedHead)) {
                Iterator<Document> entries = recorded == null ? Collections.emptyIterator() : recorded;
                VerificationReport report = new ChainVerification(recordedHead, checkpoint)
                        .run(storeEvents(stream, storeHead), entries, storeHead, Instant.now())
                        .withWithdrawals(trail.withdrawals());
                log.info(
                        "audit verification: ok={}, {} events checked, {} discrepancies{}",
                        report.ok(),
                        report.eventsChecked(),
                        report.discrepancyCount(),
                        report.firstDiscrepancy() == null
                                ? ""
                                : ", first at position "
                                        + report.firstDiscrepancy().position() + " ("
                                        + report.firstDiscrepancy().kind() + ")");
                return report;
            }
        } finally {
            oneAtATime.release();
        }
    }

    /**
     * The newest entry whose event is older than the settle time, as a checkpoint to keep. Event times
     * come from Axon's clock (system UTC), so the cut-off does too.
     */
    public Optional<Checkpoint> checkpoint() {
        Instant cutoff = Instant.now().minus(properties.getCheckpointSettleTime());
        Document entry = trail.newestAtOrBefore(cutoff);
        if (entry == null) {
            return Optional.empty();
        }
        return Optional.of(new Checkpoint(
                AuditTrail.position(entry),
                entry.getString(AuditEntries.LINK),
                entry.getString(AuditEntries.EVENT_ID),
                OffsetDateTime.ofInstant(Instant.parse(entry.getString(AuditEntries.TIMESTAMP)), zone)));
    }

    /**
     * The stored events up to {@code storeHead}, in global order. A message whose token does not move
     * forward filled a gap behind the reader (a transaction that committed during the check): it was
     * not part of the history when the check began, and the trail cannot have recorded it either.
     */
    private Iterator<StoredEvent> storeEvents(BlockingStream<TrackedEventMessage<?>> stream, Long storeHead) {
        return new Iterator<>() {
            private StoredEvent next;
            private boolean done = storeHead == null;
            private long last = -1;

            @Override
            public boolean hasNext() {
                while (next == null && !done) {
                    TrackedEventMessage<?> message = nextMessage();
                    if (message == null) {
                        done = true;
                        break;
                    }
                    long position = message.trackingToken().position().orElse(-1);
                    if (position <= last) {
                        continue;
                    }
                    last = position;
                    if (position > storeHead) {
                        done = true;
                        break;
                    }
                    next = read(position, message);
                    done = position == storeHead;
                }
                return next != null;
            }

            @Override
            public StoredEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                StoredEvent result = next;
                next = null;
                return result;
            }

            private TrackedEventMessage<?> nextMessage() {
                try {
                    return stream.hasNextAvailable(WAIT_SECONDS, TimeUnit.SECONDS) ? stream.nextAvailable() : null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("verification interrupted", e);
                }
            }
        };
    }

    private StoredEvent read(long position, TrackedEventMessage<?> message) {
        try {
            return StoredEvent.of(CanonicalEvent.of(position, message, serializer));
        } catch (RuntimeException e) {
            return new StoredEvent(
                    position, message.getIdentifier(), null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
