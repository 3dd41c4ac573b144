package cn.qinghai.ledger.query.admin;

import cn.qinghai.ledger.events.RuleViolatedException;
import cn.qinghai.ledger.platform.web.NotFoundException;
import cn.qinghai.ledger.query.audit.AuditTrailProjection;
import cn.qinghai.ledger.query.platform.ReadModelGenerations;
import cn.qinghai.ledger.query.platform.ReadModelStoreProperties;
import cn.qinghai.ledger.query.platform.ReplayableProjection;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Starts and tracks rebuilds of replayable projections ({@link ProjectionReplay}), one at a time per
 * projection, on a background thread.
 *
 * <p>Refused: unknown names (404); processing groups that have not adopted
 * {@link ReplayableProjection} (409); the audit trail, which is evidence and is never rebuilt from the
 * store it checks (409); a projection whose live processor does not hold all its segments in this
 * process (409), because a processor elsewhere would keep writing into the old generation during the
 * switch. The gapless switch is therefore a single-instance operation per projection.
 */
@Component
public class ProjectionReplays implements DisposableBean {

    private final Map<String, ReplayableProjection> replayable;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ReadModelGenerations generations;
    private final TokenStore tokenStore;
    private final Duration grace;
    private final Clock clock;
    private final String builder = builderName();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(daemon("projection-replay"));
    private final ScheduledExecutorService retirer =
            Executors.newSingleThreadScheduledExecutor(daemon("projection-retire"));
    private final ConcurrentMap<String, ProjectionReplay> latest = new ConcurrentHashMap<>();

    public ProjectionReplays(
            ObjectProvider<ReplayableProjection> projections,
            EventProcessingConfiguration processing,
            EventStore eventStore,
            ReadModelGenerations generations,
            TokenStore tokenStore,
            ReadModelStoreProperties properties,
            Clock clock) {
        this.replayable = projections
                .orderedStream()
                .collect(Collectors.toMap(ReplayableProjection::processingGroup, Function.identity()));
        this.processing = processing;
        this.eventStore = eventStore;
        this.generations = generations;
        this.tokenStore = tokenStore;
        this.grace = properties.getRetiredGenerationGrace();
        this.clock = clock;
    }

    /** The processing groups that can be rebuilt, in name order. */
    public List<String> replayable() {
        return replayable.keySet().stream().sorted().toList();
    }

    public boolean isReplayable(String name) {
        return replayable.containsKey(name);
    }

    public Optional<ReplayProgress> progress(String name) {
        return Optional.ofNullable(latest.get(name)).map(ProjectionReplay::progress);
    }

    /** Starts rebuilding {@code name} into a fresh generation and returns its first progress. */
    public ReplayProgress start(String name) {
        return start(name, false);
    }

    /**
     * Starts rebuilding an outdated {@code name} ({@link OutdatedReadModels}) whose live processor is stopped in
     * this process, as in every query-side process of this version: no processor can write into the
     * generation being replaced or move its token past the switch, so the claim of all segments here is not
     * needed. The processor is started again by {@link OutdatedReadModels} once the switch is seen.
     */
    ReplayProgress startWhileStopped(String name) {
        return start(name, true);
    }

    private synchronized ReplayProgress start(String name, boolean processorStopped) {
        ReplayableProjection projection = replayable.get(name);
        if (projection == null) {
            if (AuditTrailProjection.GROUP.equals(name)) {
                throw RuleViolatedException.conflict(
                        "AuditTrailIsEvidence",
                        "the audit trail is not rebuilt from the"
                                + " event store it is meant to check; use /api/audit/verify");
            }
            if (processing.eventProcessors().containsKey(name)) {
                throw RuleViolatedException.conflict(
                        "ReplayableProjection",
                        "projection " + name + " cannot be" + " rebuilt beside its serving copy yet; replayable: "
                                + replayable.keySet());
            }
            throw new NotFoundException("no projection " + name);
        }
        ProjectionReplay running = latest.get(name);
        if (running != null && !running.progress().state().finished()) {
            throw RuleViolatedException.conflict("OneReplayAtATime", "projection " + name + " is being rebuilt");
        }
        StreamingEventProcessor processor = processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> RuleViolatedException.conflict(
                        "ReplayableProjection", "projection " + name + " has no streaming processor"));
        int segments = tokenStore.fetchSegments(name).length;
        if (processorStopped && processor.isRunning()) {
            throw RuleViolatedException.conflict(
                    "ProcessorStopped", "the processor of " + name + " is running in this process");
        }
        if (!processorStopped && processor.processingStatus().size() < segments) {
            throw RuleViolatedException.conflict(
                    "AllSegmentsClaimedHere",
                    "the processor of " + name + " holds "
                            + processor.processingStatus().size() + " of its " + segments + " segments in this process;"
                            + " stop the other query-side instances (or wait until it has claimed them all) and retry");
        }
        ProjectionReplay replay =
                new ProjectionReplay(projection, processor, eventStore, generations, builder, this::retire, clock);
        try {
            replay.prepare();
        } catch (IllegalStateException e) {
            throw RuleViolatedException.conflict("OneReplayAtATime", e.getMessage());
        }
        latest.put(name, replay);
        runner.submit(replay);
        return replay.progress();
    }

    private void retire(Runnable drop) {
        if (grace.isZero() || grace.isNegative()) {
            drop.run();
        } else {
            retirer.schedule(drop, grace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        latest.values().forEach(ProjectionReplay::cancel);
        runner.shutdownNow();
        retirer.shutdown();
        runner.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static String builderName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + UUID.randomUUID();
    }
}
