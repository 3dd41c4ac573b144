package cn.qinghai.ledger.command.lookup;

import cn.qinghai.ledger.command.meeting.MeetingRules;
import cn.qinghai.ledger.events.RuleViolatedException;
import cn.qinghai.ledger.events.meeting.MinutesIssuedEvent;
import jakarta.persistence.EntityManager;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.lifecycle.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lookup tables rebuilt from the events when they are missing: a new database for the command side's
 * state (a restored event store, a lost volume, the first start of a shared database), or tables dropped
 * on purpose. It runs at start-up before any command handler subscribes, so no command is decided from
 * empty lookups. Every event goes through the same handlers as live, in global order, in one transaction.
 * Lookups that are present but behind the events (a database restored from an older backup than the event
 * store) are not detected here: drop the lookup tables and restart (docs/operations.md).
 */
@Component
class LookupRebuild {

    private static final Logger log = LoggerFactory.getLogger(LookupRebuild.class);
    private static final int STREAM_WAIT_SECONDS = 10;

    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final EventStore eventStore;
    private final RosterLookupProjection projection;

    LookupRebuild(
            EntityManager entityManager,
            PlatformTransactionManager transactionManager,
            EventStore eventStore,
            RosterLookupProjection projection) {
        this.entityManager = entityManager;
        this.transactions = new TransactionTemplate(transactionManager);
        this.eventStore = eventStore;
        this.projection = projection;
    }

    /** Rebuilds the lookups if they hold no conference while the event store holds events; the events applied. */
    long rebuildIfMissing() {
        Long conferences = transactions.execute(tx -> entityManager
                .createQuery("select count(c) from LookupConference c", Long.class)
                .getSingleResult());
        if (conferences != null && conferences > 0) {
            return 0;
        }
        TrackingToken head;
        try {
            head = eventStore.createHeadToken();
        } catch (RuntimeException unreachable) {
            // Axon Server not reachable yet: the command side still starts (its container would otherwise
            // restart in a loop), and says so; the check runs again at the next start.
            log.warn(
                    "the lookup tables are empty and the event store cannot be asked whether it holds events ({}); "
                            + "if it does, restart once it is reachable so the lookups are rebuilt",
                    unreachable.getMessage());
            return 0;
        }
        OptionalLong position = head == null ? OptionalLong.empty() : head.position();
        if (position.isEmpty() || position.getAsLong() < 0) {
            return 0; // a new ledger: nothing to rebuild from
        }
        log.info(
                "the command side's lookup tables are empty and the event store holds events up to position {}: "
                        + "rebuilding the lookups from the events before accepting commands",
                position.getAsLong());
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        Long applied = transactions.execute(tx -> {
            long count = 0;
            try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
                // Up to the head seen at the start; the stream's first page may take a moment to arrive.
                while (events.hasNextAvailable(STREAM_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    TrackedEventMessage<?> event = events.nextAvailable();
                    if (handlers.canHandle(event)) {
                        apply(handlers, event);
                        count++;
                    }
                    if (event.trackingToken().position().orElse(-1) >= position.getAsLong()) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rebuilding the lookups", e);
            } catch (Exception e) {
                throw new IllegalStateException("could not rebuild the lookups from the events", e);
            }
            return count;
        });
        log.info("rebuilt the lookups from {} events", applied);
        return applied == null ? 0 : applied;
    }

    /**
     * One stored event through the live handlers. Minutes issued before numbers were normalised may hold
     * one number in two spellings ({@code [2025]3号}, {@code 〔2025〕3号}) for two meetings: both are
     * history, so the first keeps the number, the second is logged, and the rebuild goes on (refusing it
     * would leave the command side unable to start).
     */
    private static void apply(AnnotationEventHandlerAdapter handlers, TrackedEventMessage<?> event) throws Exception {
        try {
            handlers.handle(event);
        } catch (RuleViolatedException taken) {
            if (!(event.getPayload() instanceof MinutesIssuedEvent issued)
                    || !MeetingRules.MINUTES_NUMBER_UNIQUE.equals(
                            taken.violation().rule())) {
                throw taken;
            }
            log.warn(
                    "minutes of meeting {} were issued as {}, the number of earlier minutes in another spelling; "
                            + "the earlier minutes keep it",
                    issued.meetingId(),
                    issued.documentNo());
        }
    }

    /**
     * Numbers the lookup kept in the spelling typed (before they were normalised) rewritten in their
     * normal form, so that the uniqueness rule finds them. Another instance starting at the same moment
     * may do it first: then this one only says so.
     */
    void normaliseMinutesNumbers() {
        try {
            Integer changed = transactions.execute(tx -> projection.normaliseMinutesNumbers());
            if (changed != null && changed > 0) {
                log.info("rewrote {} minutes document number(s) of the lookups in their normal form", changed);
            }
        } catch (RuntimeException concurrent) {
            log.info(
                    "minutes document numbers not normalised by this instance ({}); another one may have done it",
                    concurrent.toString());
        }
    }

    /**
     * The matters of issued minutes filled in from the events when the lookups hold issued minutes but no
     * matter: lookups written before matters were kept. Only the minutes' events are read again; the other
     * tables stay as they are. Idempotent, so two instances starting together do no harm.
     */
    long fillIssuedMattersIfMissing() {
        Boolean missing = transactions.execute(tx -> entityManager
                                .createQuery("select count(m) from LookupMinutesNumber m", Long.class)
                                .getSingleResult()
                        > 0
                && entityManager
                                .createQuery("select count(m) from LookupIssuedMatter m", Long.class)
                                .getSingleResult()
                        == 0);
        if (!Boolean.TRUE.equals(missing)) {
            return 0;
        }
        TrackingToken head;
        try {
            head = eventStore.createHeadToken();
        } catch (RuntimeException unreachable) {
            log.warn(
                    "the lookups do not know the agreed matters of issued minutes and the event store cannot be "
                            + "read ({}); roster changes citing minutes are refused until a restart fills them in",
                    unreachable.getMessage());
            return 0;
        }
        OptionalLong position = head == null ? OptionalLong.empty() : head.position();
        if (position.isEmpty()) {
            return 0;
        }
        Long filled = transactions.execute(tx -> {
            long count = 0;
            try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
                while (events.hasNextAvailable(STREAM_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    TrackedEventMessage<?> event = events.nextAvailable();
                    if (event.getPayload() instanceof MinutesIssuedEvent issued) {
                        projection.recordIssuedMatters(issued);
                        count++;
                    }
                    if (event.trackingToken().position().orElse(-1) >= position.getAsLong()) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while filling in the issued matters", e);
            }
            return count;
        });
        log.info("filled in the agreed matters of {} issued minutes in the lookups", filled);
        return filled == null ? 0 : filled;
    }

    @Configuration(proxyBeanMethods = false)
    static class BeforeCommandHandlers {

        /** Before Axon subscribes the command handlers, so the first command is decided from full lookups. */
        @Bean
        ConfigurerModule lookupsRebuiltBeforeCommandHandlers(ObjectProvider<LookupRebuild> rebuild) {
            return configurer -> configurer.onStart(Phase.LOCAL_MESSAGE_HANDLER_REGISTRATIONS - 1, () -> {
                rebuild.getObject().rebuildIfMissing();
                rebuild.getObject().normaliseMinutesNumbers();
                rebuild.getObject().fillIssuedMattersIfMissing();
            });
        }
    }
}
