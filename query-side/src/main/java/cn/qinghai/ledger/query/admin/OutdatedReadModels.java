package cn.qinghai.ledger.query.admin;

import cn.qinghai.ledger.events.RuleViolatedException;
import cn.qinghai.ledger.query.platform.ReplayableProjection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * an upgrade needs no step by hand. Looked at once the application is ready and then every
 * {@link #EVERY} until every read model is up to date: a rebuild is started here ({@link ProjectionReplays},
 * into a fresh generation, switched over when it has caught up) or is found running in another query-side
 * process, whose switch this process follows. A rebuild that is refused (the processor has not yet claimed
 * all its segments here, or another instance holds some) is tried again at the next look.
 *
 * <p>Until the switch, the outdated generation is neither read nor written: its queries answer
 * {@code 503 read-model-rebuilding}, its live processor passes its events over.
 */
@Component
public class OutdatedReadModels implements DisposableBean {

    static final Duration EVERY = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(OutdatedReadModels.class);

    private final List<ReplayableProjection> projections;
    private final ProjectionReplays replays;
    private final ScheduledExecutorService looks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outdated-read-models");
        thread.setDaemon(true);
        return thread;
    });

    public OutdatedReadModels(ObjectProvider<ReplayableProjection> projections, ProjectionReplays replays) {
        this.projections = projections.orderedStream().toList();
        this.replays = replays;
    }

    @EventListener(ApplicationReadyEvent.class)
    void lookWhenReady() {
        looks.execute(this::look);
    }

    /** Starts a rebuild of each outdated read model not being rebuilt; looks again later while any is outdated. */
    void look() {
        boolean outdated = false;
        for (ReplayableProjection projection : projections) {
            try {
                if (!projection.upToDate()) {
                    outdated = true;
                    rebuild(projection.processingGroup());
                }
            } catch (RuntimeException e) {
                outdated = true;
                log.warn("{}: cannot tell whether it is up to date: {}", projection.processingGroup(), e.toString());
            }
        }
        if (outdated && !looks.isShutdown()) {
            looks.schedule(this::look, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void rebuild(String name) {
        boolean running = replays.progress(name).map(p -> !p.state().finished()).orElse(false);
        if (running) {
            return;
        }
        try {
            replays.start(name);
            log.info("{}: its serving generation was written by an earlier version; rebuilding it", name);
        } catch (RuleViolatedException refused) {
            log.info("{}: outdated; its rebuild waits ({})", name, refused.getMessage());
        }
    }

    @Override
    public void destroy() {
        looks.shutdownNow();
    }
}
