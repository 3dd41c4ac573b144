package cn.qinghai.ledger.query.unitstatus;

import static cn.qinghai.ledger.query.unitstatus.UnitCountsDocument.PENDING;
import static cn.qinghai.ledger.query.unitstatus.UnitCountsDocument.VERSION;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import cn.qinghai.ledger.query.tasklist.TaskMoves;
import cn.qinghai.ledger.query.unitstatus.UnitCountsDocument.Unit;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one generation's unit counts around each batch of the tasks projection: step 1
 * ({@link #begin}) before the batch writes its tasks, step 3 ({@link #apply}) after (the protocol is
 * described on {@link UnitTaskCounts}).
 */
final class UnitCountsWriter implements TaskMoves.Writer {

    private static final Logger log = LoggerFactory.getLogger(UnitCountsWriter.class);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoCollection<Document> collection;
    private final Clock clock;

    UnitCountsWriter(MongoCollection<Document> collection, Clock clock) {
        this.collection = collection;
        this.clock = clock;
    }

    @Override
    public Runnable beforeTasks(List<TaskMoves.TaskMove> moves) {
        Map<Unit, Map<String, Integer>> changes = TaskShares.changes(moves, clock.getZone());
        String batch = UUID.randomUUID().toString();
        begin(batch, changes.keySet());
        return () -> apply(batch, changes);
    }

    /** Step 1: marks the unit documents {@code batch} will change, creating those not there yet. */
    private void begin(String batch, Collection<Unit> units) {
        long now = clock.millis();
        List<WriteModel<Document>> marks = new ArrayList<>();
        for (Unit unit : units) {
            marks.add(new UpdateOneModel<>(
                    eq("_id", unit.id()),
                    Updates.combine(
                            Updates.set(PENDING + "." + batch, now),
                            Updates.inc(VERSION, 1),
                            Updates.setOnInsert("conferenceId", unit.conferenceId()),
                            Updates.setOnInsert("unitCode", unit.unitCode())),
                    UPSERT));
        }
        if (!marks.isEmpty()) {
            collection.bulkWrite(marks, UNORDERED);
        }
    }

    /**
     * Step 3: adds {@code batch}'s changes and removes its mark, one atomic update per unit document, where
     * the mark still is (a recount may have taken it: that unit is then marked stale to be recounted again);
     * then removes the values that went down to zero, each only if still zero, as other batches may add to
     * it meanwhile.
     */
    private void apply(String batch, Map<Unit, Map<String, Integer>> changes) {
        if (changes.isEmpty()) {
            return;
        }
        String mark = PENDING + "." + batch;
        List<WriteModel<Document>> adds = new ArrayList<>();
        List<WriteModel<Document>> zeros = new ArrayList<>();
        for (var change : changes.entrySet()) {
            List<Bson> updates = new ArrayList<>();
            change.getValue().forEach((path, n) -> {
                updates.add(Updates.inc(path, n));
                if (n < 0) {
                    zeros.add(new UpdateOneModel<>(
                            and(eq("_id", change.getKey().id()), eq(path, 0)), Updates.unset(path)));
                }
            });
            updates.add(Updates.unset(mark));
            updates.add(Updates.inc(VERSION, 1));
            adds.add(
                    new UpdateOneModel<>(and(eq("_id", change.getKey().id()), exists(mark)), Updates.combine(updates)));
        }
        if (collection.bulkWrite(adds, UNORDERED).getMatchedCount() < adds.size()) {
            log.warn(
                    "unit task counts: batch {} found its mark taken by a recount; its units are recounted again",
                    batch);
            collection.bulkWrite(
                    changes.keySet().stream()
                            .map(unit -> (WriteModel<Document>)
                                    new UpdateOneModel<Document>(eq("_id", unit.id()), Updates.set(mark, 0L)))
                            .toList(),
                    UNORDERED);
        }
        if (!zeros.isEmpty()) {
            collection.bulkWrite(zeros, UNORDERED);
        }
    }
}
