package cn.qinghai.ledger.benchmarks;

import cn.qinghai.ledger.events.task.ProgressReportedEvent;
import cn.qinghai.ledger.events.task.TaskAssignedEvent;
import cn.qinghai.ledger.events.task.TaskSource;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.context.ConfigurableApplicationContext;

/** The event store and the projections' processors of a running application, seen through Axon's API. */
final class Store {

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final TransactionManager transactions;
    /** The processors this view looks at; null for every streaming processor. */
    private final Set<String> scope;

    Store(ConfigurableApplicationContext app) {
        this(
                app.getBean(EventStore.class),
                app.getBean(EventProcessingConfiguration.class),
                app.getBean(TransactionManager.class),
                null);
    }

    private Store(
            EventStore eventStore,
            EventProcessingConfiguration processing,
            TransactionManager transactions,
            Set<String> scope) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.transactions = transactions;
        this.scope = scope;
    }

    /**
     * The same store, looking only at the named processors: the rebuildable projections, for a replay.
     * (The audit trail's processor is not one: reset, it re-checks every recorded entry instead of
     * rebuilding, which is not what a replay measures.)
     */
    Store only(Set<String> processors) {
        return new Store(eventStore, processing, transactions, Set.copyOf(processors));
    }

    /** The global index of the newest stored event (dense: the index sequence hands out one at a time). */
    long head() {
        TrackingToken token = eventStore.createHeadToken();
        return token == null ? 0 : token.position().orElse(0);
    }

    /** The projections that read the store on their own threads (within this view's scope). */
    Map<String, StreamingEventProcessor> processors() {
        Map<String, StreamingEventProcessor> streaming = new LinkedHashMap<>();
        processing.eventProcessors().forEach((name, p) -> {
            if (p instanceof StreamingEventProcessor s && (scope == null || scope.contains(name))) {
                streaming.put(name, s);
            }
        });
        return streaming;
    }

    /** How far a processor has read: the lowest position over its segments (-1 while none is claimed). */
    static long position(StreamingEventProcessor p) {
        Map<Integer, EventTrackerStatus> status = p.processingStatus();
        if (status.isEmpty()) {
            return -1;
        }
        long min = Long.MAX_VALUE;
        for (EventTrackerStatus s : status.values()) {
            OptionalLong at = s.getCurrentPosition();
            min = Math.min(min, at.isPresent() ? at.getAsLong() : -1);
        }
        return min;
    }

    /** The slowest projection's position. */
    long slowestPosition() {
        long min = Long.MAX_VALUE;
        for (StreamingEventProcessor p : processors().values()) {
            min = Math.min(min, position(p));
        }
        return min == Long.MAX_VALUE ? -1 : min;
    }

    boolean caughtUp(long head) {
        for (StreamingEventProcessor p : processors().values()) {
            if (p.isReplaying() || position(p) < head) {
                return false;
            }
        }
        return true;
    }

    /** Waits until every projection has handled every event up to {@code head}; the seconds it took, or NaN. */
    double awaitCaughtUp(long head, Duration timeout) {
        long start = System.nanoTime();
        long end = start + timeout.toNanos();
        long nextReport = start + 30_000_000_000L;
        while (System.nanoTime() < end) {
            if (caughtUp(head)) {
                return (System.nanoTime() - start) / 1e9;
            }
            if (System.nanoTime() > nextReport) {
                nextReport += 30_000_000_000L;
                System.out.printf(
                        "           ... projections at %,d of %,d after %.0f s%n",
                        slowestPosition(), head, (System.nanoTime() - start) / 1e9);
            }
            Workload.sleepNanos(20_000_000);
        }
        return Double.NaN;
    }

    /** Each projection's segments and positions, for a note when something does not move. */
    String describe() {
        StringBuilder b = new StringBuilder();
        processors()
                .forEach((name, p) -> b.append(name)
                        .append(p.isRunning() ? " running" : " stopped")
                        .append(p.isReplaying() ? " replaying" : "")
                        .append(" segments ")
                        .append(p.processingStatus().keySet())
                        .append(" at ")
                        .append(position(p))
                        .append("; "));
        return b.toString();
    }

    /** A window of a replay: events handled and the seconds it took. */
    record Window(long events, double seconds, long endPosition) {
        double rate() {
            return events / seconds;
        }
    }

    /**
     * Measures a replay that has just been started over {@code window}, counted from the first event
     * every projection has handled (so a processor's start-up and token-claim delay is left out), or
     * until all have caught up with {@code head}, whichever comes first.
     */
    Window window(long head, Duration window) {
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (slowestPosition() <= 0 && System.nanoTime() < giveUp) {
            Workload.sleepNanos(5_000_000);
        }
        long p0 = Math.max(0, slowestPosition());
        long t0 = System.nanoTime();
        awaitCaughtUp(head, window);
        long p1 = Math.max(0, slowestPosition());
        return new Window(p1 - p0, (System.nanoTime() - t0) / 1e9, p1);
    }

    /** Stops every projection, resets its tokens (its @ResetHandler clears its collections) and starts it again. */
    void resetAndStart() {
        Map<String, StreamingEventProcessor> all = processors();
        all.values().forEach(StreamingEventProcessor::shutDown);
        all.values().forEach(StreamingEventProcessor::resetTokens);
        all.values().forEach(StreamingEventProcessor::start);
    }

    /**
     * The raw read rate of the store: {@code EventStore.openStream(null)} from the first event to
     * {@code head}, counting messages (payloads left serialized) or also deserializing every payload.
     */
    long readAll(long head, boolean deserialize) {
        long count = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> m = stream.nextAvailable();
                count++;
                if (deserialize) {
                    m.getPayload();
                    m.getMetaData();
                }
                if (m.trackingToken().position().orElse(0) >= head) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return count;
    }

    /** A real task's events as commands stored them: the template of the bulk load. */
    record Template(String aggregateType, Map<String, Object> metaData) {}

    Template template(String taskId) {
        List<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(taskId).asStream().toList();
        if (events.isEmpty()) {
            throw new IllegalStateException("no events of " + taskId);
        }
        return new Template(
                events.get(0).getType(),
                new HashMap<>(events.get(events.size() - 1).getMetaData()));
    }

    /**
     * Bulk load: appends whole task histories (one {@code TaskAssignedEvent} and then progress reports by
     * the lead unit, {@code eventsPerTask} events a task) through Axon's own {@link EventStore#publish},
     * 1000 events a transaction: the same serializer, storage engine, table, index sequence and
     * subscribing lookups as commands, without command handling. Returns the events appended.
     */
    long bulkLoad(Template template, String prefix, List<String> units, long events, int eventsPerTask) {
        long appended = 0;
        long task = 0;
        LocalDate today = LocalDate.now();
        OffsetDateTime now = OffsetDateTime.now();
        while (appended < events) {
            List<EventMessage<?>> batch = new ArrayList<>();
            while (batch.size() + eventsPerTask <= 1000 && appended + batch.size() < events) {
                String tid = prefix + "-" + (task++);
                String lead = units.get((int) (task % units.size()));
                Map<String, Object> meta = new HashMap<>(template.metaData());
                String correlation = UUID.randomUUID().toString();
                meta.put("correlationId", correlation);
                meta.put("traceId", correlation);
                MetaData metaData = MetaData.from(meta);
                int n = (int) Math.min(eventsPerTask, events - appended - batch.size());
                batch.add(new GenericDomainEventMessage<>(
                        template.aggregateType(),
                        tid,
                        0,
                        new TaskAssignedEvent(
                                tid,
                                Workload.CID,
                                "落实托育服务事项 " + tid,
                                lead,
                                List.of(),
                                today.plusDays(30 + task % 300),
                                TaskSource.direct("省政府领导批示"),
                                today.minusDays(task % 60)),
                        metaData));
                for (int s = 1; s < n; s++) {
                    batch.add(new GenericDomainEventMessage<>(
                            template.aggregateType(),
                            tid,
                            s,
                            new ProgressReportedEvent(
                                    tid,
                                    lead,
                                    Math.min(100, s * 10),
                                    "已完成调研和初稿起草，正在征求意见 第" + s + "次",
                                    now.minusDays(n - s)),
                            metaData));
                }
            }
            transactions.executeInTransaction(() -> eventStore.publish(batch));
            appended += batch.size();
        }
        return appended;
    }
}
