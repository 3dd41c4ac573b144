package cn.qinghai.ledger.query.unitstatus;

import static cn.qinghai.ledger.query.unitstatus.UnitCountsDocument.PENDING;
import static cn.qinghai.ledger.query.unitstatus.UnitCountsDocument.VERSION;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import cn.qinghai.ledger.query.tasklist.TaskReadModel;
import cn.qinghai.ledger.query.tasklist.TaskRecord;
import cn.qinghai.ledger.query.unitstatus.UnitCountsDocument.Unit;
import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recounts a unit whose counts document carries marks of batches that stopped between their steps
 * ({@link UnitTaskCounts}), from the unit's task documents.
 */
final class UnitRecount {

    private static final Logger log = LoggerFactory.getLogger(UnitRecount.class);

    private final TaskReadModel tasks;
    private final Clock clock;

    UnitRecount(TaskReadModel tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    /**
     * Recounts {@code unit} from the tasks it leads or supports (read after its document). Replaces the
     * document only if it carries no mark of a batch under way and no batch touched it since it was read.
     * Returns whether it did.
     */
    boolean recount(String conferenceId, String unitCode) {
        Unit unit = new Unit(conferenceId, unitCode);
        MongoCollection<Document> collection = tasks.collections().get(UnitTaskCounts.COLLECTION);
        Document current = collection.find(eq("_id", unit.id())).first();
        if (current == null) {
            return false;
        }
        Document pending = current.get(PENDING, Document.class);
        long stuckBefore = clock.millis() - UnitTaskCounts.STUCK_AFTER.toMillis();
        if (pending == null
                || pending.isEmpty()
                || !pending.values().stream().allMatch(at -> UnitCountsDocument.stuck(at, stuckBefore))) {
            return false;
        }
        Map<Unit, Map<String, Integer>> shares = new HashMap<>();
        int counted = 0;
        for (TaskRecord task : tasks.tasksOf(conferenceId, unitCode)) {
            TaskShares.add(task, clock.getZone(), +1, shares);
            counted++;
        }
        Document recounted = new Document("_id", unit.id())
                .append("conferenceId", conferenceId)
                .append("unitCode", unitCode)
                .append(VERSION, (current.get(VERSION) instanceof Number v ? v.longValue() : 0) + 1);
        shares.getOrDefault(unit, Map.of()).forEach((path, n) -> {
            if (n != 0) {
                UnitCountsDocument.nested(recounted, path).put(path.substring(path.lastIndexOf('.') + 1), n);
            }
        });
        boolean replaced = collection
                        .replaceOne(and(eq("_id", unit.id()), eq(VERSION, current.get(VERSION))), recounted)
                        .getModifiedCount()
                == 1;
        if (replaced) {
            log.warn(
                    "unit task counts of {}: {} batch(es) had stopped between their writes; recounted from {} tasks",
                    unit.id(),
                    pending.size(),
                    counted);
        }
        return replaced;
    }
}
