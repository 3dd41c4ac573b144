package cn.qinghai.ledger.query.platform;

import static com.mongodb.client.model.Filters.gte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Shares the projections' segments fairly between the query-side instances that use one token store.
 * A pooled streaming processor claims every free segment it sees, so the first instance to start
 * would keep them all. Each instance therefore announces itself in {@value #INSTANCES} every
 * {@code ledger.processors.balance-interval} (default 10 s); an instance holding more than its fair
 * share (segments ÷ live instances, rounded up) of a processor releases the surplus for a while, and
 * another instance claims it. When an instance dies its claims expire (the token store's claim
 * timeout) and the survivors take its segments over: nothing is skipped (tokens record progress) and
 * nothing is applied twice to a read model (projections are idempotent).
 */
@Component
class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    static final String INSTANCES = "query_instances";

    private final EventProcessingConfiguration processing;
    private final MongoCollection<Document> instances;
    private final Clock clock;
    private final Duration interval;
    private final String nodeId = ManagementFactory.getRuntimeMXBean().getName() + "-" + System.nanoTime();
    private ScheduledExecutorService scheduler;

    SegmentBalancer(
            EventProcessingConfiguration processing,
            MongoDatabase readModelDatabase,
            Clock clock,
            @Value("${ledger.processors.balance-interval:PT10S}") Duration interval) {
        this.processing = processing;
        this.instances = readModelDatabase.getCollection(INSTANCES);
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::balanceQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        instances.deleteOne(new Document("_id", nodeId));
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }

    private void balanceQuietly() {
        try {
            balance();
        } catch (RuntimeException e) {
            log.debug("segment balancing skipped this round: {}", e.toString());
        }
    }

    void balance() {
        Instant now = clock.instant();
        instances.replaceOne(
                new Document("_id", nodeId),
                new Document("_id", nodeId).append("seenAt", Date.from(now)),
                new ReplaceOptions().upsert(true));
        // Live: announced within two intervals. An instance killed without a clean stop leaves its record
        // behind; counting it for longer kept half the segments of a restarted instance idle (crash test).
        long live =
                Math.max(1, instances.countDocuments(gte("seenAt", Date.from(now.minus(interval.multipliedBy(2))))));
        for (var entry : processing.eventProcessors().entrySet()) {
            if (!(entry.getValue() instanceof StreamingEventProcessor processor) || !processor.isRunning()) {
                continue;
            }
            Map<Integer, EventTrackerStatus> claimed = processor.processingStatus();
            int segments = claimed.values().stream()
                    .mapToInt(s -> s.getSegment().getMask() + 1)
                    .max()
                    .orElse(0);
            long fairShare = (segments + live - 1) / live;
            int surplus = (int) (claimed.size() - fairShare);
            for (Integer segment : claimed.keySet().stream()
                    .sorted()
                    .limit(Math.max(0, surplus))
                    .toList()) {
                log.info(
                        "releasing segment {} of {} ({} instances share {} segments)",
                        segment,
                        entry.getKey(),
                        live,
                        segments);
                processor.releaseSegment(segment, interval.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }
}
