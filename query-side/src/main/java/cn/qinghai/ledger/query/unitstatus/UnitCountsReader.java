package cn.qinghai.ledger.query.unitstatus;

import static com.mongodb.client.model.Filters.in;

import cn.qinghai.ledger.query.tasklist.TaskReadModel;
import cn.qinghai.ledger.query.unitstatus.UnitCountsDocument.Counts;
import cn.qinghai.ledger.query.unitstatus.UnitCountsDocument.Unit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/** Reads units' counts ({@link UnitTaskCounts}) kept beside the task list, as the board needs them. */
final class UnitCountsReader {

    private final TaskReadModel tasks;

    /** Reads the counts kept beside the task list that {@code tasks} reads. */
    UnitCountsReader(TaskReadModel tasks) {
        this.tasks = tasks;
    }

    /**
     * The counts of {@code unitCodes} in the conference; a unit whose document is absent leads and supports
     * nothing. One read by {@code _id}, whatever the number of tasks. Refused, as the task list is, while an
     * earlier version's generation is being rebuilt ({@link TaskReadModel#current}).
     */
    Map<String, Counts> read(String conferenceId, Collection<String> unitCodes) {
        Map<String, String> codesById = new LinkedHashMap<>();
        for (String code : unitCodes) {
            codesById.put(new Unit(conferenceId, code).id(), code);
        }
        Map<String, Document> found = new HashMap<>();
        for (Document d :
                tasks.current().get(UnitTaskCounts.COLLECTION).find(in("_id", new ArrayList<>(codesById.keySet())))) {
            found.put(d.getString("_id"), d);
        }
        Map<String, Counts> counts = new LinkedHashMap<>();
        codesById.forEach((id, code) -> {
            Document d = found.get(id);
            counts.put(code, d == null ? Counts.NONE : Counts.of(d));
        });
        return counts;
    }
}
