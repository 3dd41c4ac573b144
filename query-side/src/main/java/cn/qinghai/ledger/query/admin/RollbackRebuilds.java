package cn.qinghai.ledger.query.admin;

import cn.qinghai.ledger.events.RuleViolatedException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The projections {@link StoreRollbackGuard} has rebuilt from the event store: asked for at start-up,
 * started one after another on a worker thread once the application is ready, and counted as rebuilding
 * (health {@code OUT_OF_SERVICE}) until each is done; each end state is recorded on the detection that
 * asked for it.
 */
final class RollbackRebuilds {

    /** Logs under the guard's name, as it did when the guard ran the rebuilds itself. */
    private static final Logger log = LoggerFactory.getLogger(StoreRollbackGuard.class);

    private static final Duration REBUILD_START_PATIENCE = Duration.ofMinutes(5);

    private final ObjectProvider<ProjectionReplays> replays;
    private final MongoCollection<Document> rollbacks;
    private final Set<String> rebuilding = new ConcurrentSkipListSet<>();
    private volatile List<String> pendingRebuilds = List.of();
    private volatile String pendingId;

    RollbackRebuilds(ObjectProvider<ProjectionReplays> replays, MongoCollection<Document> rollbacks) {
        this.replays = replays;
        this.rollbacks = rollbacks;
    }

    /** Detection {@code id} asks for {@code groups}; their end states are recorded on it. */
    void afterRollback(String id, List<String> groups) {
        rebuilding.addAll(groups);
        pendingRebuilds = new ArrayList<>(groups);
        pendingId = id;
    }

    /** An unclean stop asks for every projection, {@code all}, besides what a detection asked for. */
    void afterUncleanStop(List<String> all) {
        rebuilding.addAll(all);
        List<String> pending = new ArrayList<>(pendingRebuilds);
        all.stream().filter(g -> !pending.contains(g)).forEach(pending::add);
        pendingRebuilds = pending;
    }

    /** Starts the rebuilds asked for; the processors must be running. */
    void start() {
        List<String> groups = pendingRebuilds;
        if (groups.isEmpty()) {
            return;
        }
        Thread worker = new Thread(() -> groups.forEach(this::rebuild), "store-rollback-rebuild");
        worker.setDaemon(true);
        worker.start();
    }

    private void rebuild(String group) {
        ProjectionReplays projectionReplays = replays.getObject();
        long deadline = System.nanoTime() + REBUILD_START_PATIENCE.toNanos();
        try {
            while (true) {
                try {
                    projectionReplays.start(group);
                    break;
                } catch (RuleViolatedException notYet) { // segments not all claimed yet, or a rebuild running
                    if (System.nanoTime() > deadline) {
                        log.error(
                                "could not start rebuilding {} after the event store went back: {}",
                                group,
                                notYet.getMessage());
                        return;
                    }
                    Thread.sleep(1000);
                }
            }
            ReplayProgress progress;
            do {
                Thread.sleep(500);
                progress = projectionReplays.progress(group).orElseThrow();
            } while (!progress.state().finished());
            log.info("rebuilt {} from the event store: {}", group, progress.state());
            if (pendingId != null) {
                rollbacks.updateOne(
                        Filters.eq("_id", pendingId),
                        Updates.set("rebuildStates." + group, progress.state().name()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            rebuilding.remove(group);
        }
    }

    /** Projections still being rebuilt. */
    Set<String> running() {
        return Set.copyOf(rebuilding);
    }
}
