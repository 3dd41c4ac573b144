package cn.qinghai.ledger.query.tasklist;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import cn.qinghai.ledger.events.task.ProgressReportedEvent;
import cn.qinghai.ledger.query.platform.ReadModelCodecs;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * Each unit's latest progress report on any task of its conference, as lead or co-unit, for the unit
 * board: one small document per (conference, unit) in {@value #COLLECTION}, so the board reads one per
 * unit whatever the number of tasks. A batch of the tasks projection keeps the latest report of each
 * unit it saw ({@link #keep}) and moves the documents forward after its tasks ({@link #write}).
 */
final class UnitLatestReports {

    static final String COLLECTION = "task_unit_reports";

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    /**
     * A unit's latest report, typed: {@code _id} {@code conferenceId/unitCode}, the report's instant in
     * milliseconds (what the condition compares) and the moment as the unit's event has it.
     */
    public record LatestReport(@BsonId String id, long epochMillis, OffsetDateTime at) {}

    private final Map<String, LatestReport> staged = new LinkedHashMap<>();

    /** Keeps the later of this report and any earlier one of the same unit in this batch. */
    void keep(TaskRecord task, ProgressReportedEvent e) {
        if (task == null || e.reportedAt() == null) {
            return;
        }
        long millis = e.reportedAt().toInstant().toEpochMilli();
        String id = id(task.conferenceId(), e.unitCode());
        LatestReport known = staged.get(id);
        if (known == null || known.epochMillis() < millis) {
            staged.put(id, new LatestReport(id, millis, e.reportedAt()));
        }
    }

    /**
     * Moves each unit's latest report forward unless it already holds a later one. Reports of one unit
     * come from many tasks, handled by several segments at once, so the condition is in the update; a
     * redelivery changes nothing. (The filter tests more than {@code _id}, but the collection holds one
     * small document per unit.)
     */
    void write(MongoCollection<Document> collection) {
        MongoCollection<LatestReport> reports = ReadModelCodecs.typed(collection, LatestReport.class);
        staged.forEach((id, report) -> {
            long millis = report.epochMillis();
            try {
                reports.replaceOne(
                        and(eq("_id", id), or(lt("epochMillis", millis), exists("epochMillis", false))),
                        report,
                        UPSERT);
            } catch (MongoWriteException x) {
                // it exists and holds this report or a later one: the upsert's insert collided on _id
                if (x.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw x;
                }
            }
        });
        staged.clear();
    }

    /** The latest report of each of {@code unitCodes} that has one, in one request by {@code _id}. */
    static Map<String, OffsetDateTime> read(
            MongoCollection<Document> collection, String conferenceId, Collection<String> unitCodes) {
        Map<String, String> codes = new HashMap<>();
        unitCodes.forEach(code -> codes.put(id(conferenceId, code), code));
        Map<String, OffsetDateTime> reports = new HashMap<>();
        for (LatestReport report :
                ReadModelCodecs.typed(collection, LatestReport.class).find(in("_id", codes.keySet()))) {
            if (report.at() != null) {
                reports.put(codes.get(report.id()), report.at());
            }
        }
        return reports;
    }

    private static String id(String conferenceId, String unitCode) {
        return conferenceId + "/" + unitCode;
    }
}
