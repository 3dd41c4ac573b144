package cn.qinghai.ledger.query.unitstatus;

import static com.mongodb.client.model.Filters.in;

import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.tasklist.TaskListOrigin;
import cn.qinghai.ledger.query.unitstatus.UnitCountsDocument.Counts;
import cn.qinghai.ledger.query.unitstatus.UnitCountsDocument.Unit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/** Reads units' counts ({@link UnitTaskCounts}) of one generation of the task list, as the board needs them. */
final class UnitCountsReader {

    private final ReadModelCollections collections;
    private final Clock clock;

    /** Reads the counts kept beside the task list in {@code collections}; today and the zone from {@code clock}. */
    UnitCountsReader(ReadModelCollections collections, Clock clock) {
        this.collections = collections;
        this.clock = clock;
    }

    /**
     * The counts of {@code unitCodes} in the conference, or empty when this task list has none that can be
     * read in the clock's zone ({@link TaskListOrigin}). A unit whose document is absent leads and
     * supports nothing; a unit missing from the answer must be rated task by task: its document carries
     * the mark of a batch that an earlier version left between its writes
     * ({@link UnitCountsDocument#markedByEarlierVersion}), until the tasks projection is rebuilt. One read by
     * {@code _id}, whatever the number of tasks.
     */
    Optional<Map<String, Counts>> read(String conferenceId, Collection<String> unitCodes) {
        Map<String, String> codesById = new LinkedHashMap<>();
        for (String code : unitCodes) {
            codesById.put(new Unit(conferenceId, code).id(), code);
        }
        List<String> ids = new ArrayList<>(codesById.keySet());
        ids.add(TaskListOrigin.ID);
        Map<String, Document> found = new HashMap<>();
        for (Document d : collections.get(UnitTaskCounts.COLLECTION).find(in("_id", ids))) {
            found.put(d.getString("_id"), d);
        }
        if (!TaskListOrigin.kept(found.get(TaskListOrigin.ID), clock.getZone())) {
            return Optional.empty();
        }
        Map<String, Counts> counts = new LinkedHashMap<>();
        codesById.forEach((id, code) -> {
            Document d = found.get(id);
            if (d == null) {
                counts.put(code, Counts.NONE);
            } else if (!UnitCountsDocument.markedByEarlierVersion(d)) {
                counts.put(code, Counts.of(d));
            }
        });
        return Optional.of(counts);
    }
}
