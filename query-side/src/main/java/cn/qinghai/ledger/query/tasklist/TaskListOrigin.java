package cn.qinghai.ledger.query.tasklist;

import static com.mongodb.client.model.Filters.eq;

import cn.qinghai.ledger.query.platform.ReadModelCollections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.ZoneId;
import org.bson.Document;

/**
 * The record that a task list kept its RAG dates ({@link RagPolicy#datesOf}), and what follows it
 * ({@link TaskMoves}) its data, from its first event: written when the tasks projection starts on an empty
 * task list or is reset, with {@link RagPolicy#STORED_RULES} and the time zone. A task list without it
 * (built by an older version), or kept under other rules or in another zone, is rated task by task
 * until the tasks projection is rebuilt.
 *
 * <p>It is the document {@value #ID} of the collection {@value #COLLECTION}, the unit counts' collection,
 * where earlier versions put it: so task lists already built keep their record and need no rebuild.
 * Readers of the unit counts fetch it in the same request as the units ({@link #kept(Document, ZoneId)}).
 */
public final class TaskListOrigin {

    public static final String COLLECTION = "task_unit_counts";
    public static final String ID = "_complete";
    private static final String RULES = "rules";
    private static final String ZONE = "zone";

    private TaskListOrigin() {}

    /** Records that the task list starts now (called when it is empty), under these rules, in {@code clock}'s zone. */
    static void record(ReadModelCollections collections, Clock clock) {
        collections
                .get(COLLECTION)
                .updateOne(
                        eq("_id", ID),
                        Updates.combine(
                                Updates.setOnInsert("since", clock.instant().toString()),
                                Updates.setOnInsert(RULES, RagPolicy.STORED_RULES),
                                Updates.setOnInsert(ZONE, clock.getZone().getId())),
                        new UpdateOptions().upsert(true));
    }

    /** Whether the task list in {@code collections} kept its RAG dates and counts so that they can be read in {@code zone}. */
    public static boolean kept(ReadModelCollections collections, ZoneId zone) {
        return kept(collections.get(COLLECTION).find(eq("_id", ID)).first(), zone);
    }

    /** Whether {@code origin} (the record, or null when absent) says so. */
    public static boolean kept(Document origin, ZoneId zone) {
        return origin != null
                && origin.get(RULES) instanceof Number rules
                && rules.intValue() == RagPolicy.STORED_RULES
                && zone.getId().equals(origin.getString(ZONE));
    }
}
