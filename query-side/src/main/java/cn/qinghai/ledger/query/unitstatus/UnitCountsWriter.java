package cn.qinghai.ledger.query.unitstatus;

import static cn.qinghai.ledger.query.unitstatus.UnitCountsDocument.APPLIED;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.nin;

import cn.qinghai.ledger.query.tasklist.TaskMoves;
import cn.qinghai.ledger.query.unitstatus.UnitCountsDocument.Unit;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Writes one generation's unit counts from the tasks projection's moves ({@link UnitTaskCounts}): a task's
 * change is a list of {@code {unit, path, n}} entries ({@link #changes}); applying adds them to the unit
 * documents together with the change's key in {@code applied}, each update made only where none of its
 * keys is there yet; forgetting pulls the keys and removes the values that went down to zero.
 */
final class UnitCountsWriter implements TaskMoves.Writer {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final String ENTRIES = "entries";

    private final MongoCollection<Document> collection;
    private final ZoneId zone;

    UnitCountsWriter(MongoCollection<Document> collection, ZoneId zone) {
        this.collection = collection;
        this.zone = zone;
    }

    @Override
    public Document changes(TaskMoves.TaskMove move) {
        List<Document> entries = new ArrayList<>();
        TaskShares.changes(List.of(move), zone)
                .forEach((unit, fields) ->
                        fields.forEach((path, n) -> entries.add(new Document("conferenceId", unit.conferenceId())
                                .append("unitCode", unit.unitCode())
                                .append("path", path)
                                .append("n", n))));
        return entries.isEmpty() ? null : new Document(ENTRIES, entries);
    }

    /**
     * One update per unit document for all of {@code changes}, made only where none of their keys is
     * applied yet (creating the document when absent). Where some key is (a batch handed again after it
     * had counted, or another worker), each change is applied alone, once.
     */
    @Override
    public void apply(List<TaskMoves.Change> changes) {
        Map<Unit, UnitUpdate> byUnit = byUnit(changes);
        if (byUnit.isEmpty()) {
            return;
        }
        List<Unit> units = new ArrayList<>(byUnit.keySet());
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Unit unit : units) {
            UnitUpdate u = byUnit.get(unit);
            writes.add(new UpdateOneModel<>(
                    and(eq("_id", unit.id()), nin(APPLIED, u.keys)), u.update(unit, u.keys, u.increments), UPSERT));
        }
        for (int failed : alreadyApplied(writes)) {
            applyOneByOne(units.get(failed), byUnit.get(units.get(failed)));
        }
    }

    /** Pulls the keys of {@code changes} and removes the counts their decreases brought down to zero. */
    @Override
    public void forget(List<TaskMoves.Change> changes) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        byUnit(changes).forEach((unit, u) -> {
            writes.add(new UpdateOneModel<>(eq("_id", unit.id()), Updates.pullAll(APPLIED, u.keys)));
            u.increments.forEach((path, n) -> {
                if (n < 0) {
                    writes.add(new UpdateOneModel<>(and(eq("_id", unit.id()), eq(path, 0)), Updates.unset(path)));
                }
            });
        });
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, UNORDERED);
        }
    }

    /** Each of the unit's changes in its own update, made only where its key is not applied yet. */
    private void applyOneByOne(Unit unit, UnitUpdate u) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        u.byKey.forEach((key, increments) -> writes.add(new UpdateOneModel<>(
                and(eq("_id", unit.id()), ne(APPLIED, key)), u.update(unit, List.of(key), increments), UPSERT)));
        alreadyApplied(writes);
    }

    /**
     * Runs {@code writes} (upserts filtered on keys not applied) and answers the indexes of those whose
     * document exists with a key applied: the filter missed it, and the upsert's insert collided on
     * {@code _id}.
     */
    private List<Integer> alreadyApplied(List<WriteModel<Document>> writes) {
        try {
            collection.bulkWrite(writes, UNORDERED);
            return List.of();
        } catch (MongoBulkWriteException x) {
            List<Integer> collided = new ArrayList<>();
            for (BulkWriteError error : x.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw x;
                }
                collided.add(error.getIndex());
            }
            return collided;
        }
    }

    private static Map<Unit, UnitUpdate> byUnit(List<TaskMoves.Change> changes) {
        Map<Unit, UnitUpdate> byUnit = new LinkedHashMap<>();
        for (TaskMoves.Change change : changes) {
            for (Document e : change.changes().getList(ENTRIES, Document.class)) {
                Unit unit = new Unit(e.getString("conferenceId"), e.getString("unitCode"));
                byUnit.computeIfAbsent(unit, k -> new UnitUpdate())
                        .add(change.key(), e.getString("path"), e.getInteger("n"));
            }
        }
        return byUnit;
    }

    /** One unit's share of a set of changes: the keys, the increments summed, and each key's own. */
    private static final class UnitUpdate {
        final List<String> keys = new ArrayList<>();
        final Map<String, Integer> increments = new LinkedHashMap<>();
        final Map<String, Map<String, Integer>> byKey = new LinkedHashMap<>();

        void add(String key, String path, int n) {
            if (!keys.contains(key)) {
                keys.add(key);
            }
            increments.merge(path, n, Integer::sum);
            byKey.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(path, n, Integer::sum);
        }

        Bson update(Unit unit, List<String> keys, Map<String, Integer> increments) {
            List<Bson> updates = new ArrayList<>();
            increments.forEach((path, n) -> {
                if (n != 0) {
                    updates.add(Updates.inc(path, n));
                }
            });
            updates.add(Updates.addEachToSet(APPLIED, keys));
            updates.add(Updates.setOnInsert("conferenceId", unit.conferenceId()));
            updates.add(Updates.setOnInsert("unitCode", unit.unitCode()));
            return Updates.combine(updates);
        }
    }
}
