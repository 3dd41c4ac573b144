package cn.qinghai.ledger.query.admin;

import cn.qinghai.ledger.events.RuleViolatedException;
import cn.qinghai.ledger.query.platform.ReplayableProjection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rebuilds, from the event store, each read model whose serving generation an earlier version wrote
 * ({@link ReplayableProjection#upToDate}: another stored format, other rules, another time zone), so that
 * an upgrade needs no step by hand. Looked at once the application is ready and then every {@link #EVERY}
 * while a read model is outdated or its processor is stopped here:
 * <ol>
 *   <li>the live processor of an outdated read model is stopped in this process, as in every query-side
 *       process of this version, so that no token moves past what the rebuild will switch over at (events it
 *       handled before the stop were passed over by {@code OutdatedGenerationSkip}; the rebuild copies them);</li>
 *   <li>one process starts the rebuild ({@link ProjectionReplays#startWhileStopped}; the claim of the new
 *       generation in {@code read_model_generations} makes it one), the others find it running there and wait;</li>
 *   <li>once the switch is seen (the live binding follows it within seconds), each process starts its
 *       processor again from its own token: the events since then reach the new generation, those it already
 *       holds are absorbed by the idempotent writes.</li>
 * </ol>
 * A rebuild that failed is tried again after {@link #AFTER_FAILURE}, not at once. Until the switch, the
 * outdated generation's queries answer {@code 503 read-model-rebuilding}. Query-side processes of the earlier
 * version must be stopped first: their processors would go on writing the old generation.
 */
@Component
public class OutdatedReadModels implements DisposableBean {

    static final Duration EVERY = Duration.ofSeconds(5);
    static final Duration AFTER_FAILURE = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(OutdatedReadModels.class);

    private final List<ReplayableProjection> projections;
    private final ProjectionReplays replays;
    private final EventProcessingConfiguration processing;
    private final Clock clock;
    /** Processing groups whose processor this process stopped because their read model was outdated. */
    private final Set<String> stopped = ConcurrentHashMap.newKeySet();

    private final ScheduledExecutorService looks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outdated-read-models");
        thread.setDaemon(true);
        return thread;
    });

    public OutdatedReadModels(
            ObjectProvider<ReplayableProjection> projections,
            ProjectionReplays replays,
            EventProcessingConfiguration processing,
            Clock clock) {
        this.projections = projections.orderedStream().toList();
        this.replays = replays;
        this.processing = processing;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void lookWhenReady() {
        looks.execute(this::look);
    }

    /** One look at every read model; schedules the next while any is outdated or stopped here. */
    void look() {
        boolean again = false;
        for (ReplayableProjection projection : projections) {
            String name = projection.processingGroup();
            try {
                if (projection.upToDate()) {
                    resume(name);
                } else {
                    again = true;
                    stop(name);
                    rebuild(name);
                }
            } catch (RuntimeException e) {
                again = true;
                log.warn("{}: outdated read model not handled in this look: {}", name, e.toString());
            }
        }
        if ((again || !stopped.isEmpty()) && !looks.isShutdown()) {
            looks.schedule(this::look, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void stop(String name) {
        Optional<StreamingEventProcessor> processor = processing.eventProcessor(name, StreamingEventProcessor.class);
        if (processor.isPresent() && processor.get().isRunning()) {
            log.info("{}: its serving generation was written by an earlier version; its processor stops here", name);
            processor.get().shutDown();
            stopped.add(name);
        }
    }

    private void resume(String name) {
        if (stopped.remove(name)) {
            processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(StreamingEventProcessor::start);
            log.info("{}: rebuilt; its processor goes on from its token", name);
        }
    }

    private void rebuild(String name) {
        Optional<ReplayProgress> latest = replays.progress(name);
        if (latest.isPresent() && !latest.get().state().finished()) {
            return; // running here
        }
        if (latest.isPresent()
                && latest.get().state() == ReplayProgress.State.FAILED
                && latest.get().finishedAt() != null
                && latest.get().finishedAt().isAfter(clock.instant().minus(AFTER_FAILURE))) {
            return;
        }
        try {
            replays.startWhileStopped(name);
            log.info("{}: rebuilding it from the event store", name);
        } catch (RuleViolatedException refused) {
            log.info("{}: outdated; its rebuild waits ({})", name, refused.getMessage());
        }
    }

    @Override
    public void destroy() {
        looks.shutdownNow();
    }
}
