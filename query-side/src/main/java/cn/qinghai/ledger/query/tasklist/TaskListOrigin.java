package cn.qinghai.ledger.query.tasklist;

import static com.mongodb.client.model.Filters.eq;

import cn.qinghai.ledger.query.platform.ReadModelCollections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * How a generation of the task list was written: the stored format of its documents ({@link #FORMAT}),
 * the rules of its stored RAG dates and of its units' counts ({@link RagPolicy#STORED_RULES}), and the
 * time zone its days were taken in. Written when the tasks projection starts on an empty task list or is
 * reset. A generation written otherwise (by an earlier version, or in another zone) is not read and not
 * written: it is rebuilt from the event store ({@code query.admin.OutdatedReadModels}), and until the
 * rebuild switches over its readers are answered that it is being rebuilt.
 *
 * <p>It is the document {@value #ID} of the collection {@value #COLLECTION}, the unit counts' collection,
 * where earlier versions put it.
 */
public final class TaskListOrigin {

    public static final String COLLECTION = "task_unit_counts";
    public static final String ID = "_complete";

    /**
     * The stored format of the task documents: 2 since they are typed records with days as dates (1:
     * hand-built documents with days as ISO text). Raise it whenever a stored document changes shape.
     */
    static final int FORMAT = 2;

    private static final String RULES = "rules";
    private static final String ZONE = "zone";
    private static final String FORMAT_FIELD = "format";

    private TaskListOrigin() {}

    /** Records that the task list starts now (called when it is empty), in this format, under these rules, in {@code clock}'s zone. */
    static void record(ReadModelCollections collections, Clock clock) {
        collections
                .get(COLLECTION)
                .updateOne(
                        eq("_id", ID),
                        Updates.combine(
                                Updates.set("since", clock.instant().toString()),
                                Updates.set(FORMAT_FIELD, FORMAT),
                                Updates.set(RULES, RagPolicy.STORED_RULES),
                                Updates.set(ZONE, clock.getZone().getId())),
                        new UpdateOptions().upsert(true));
    }

    /** Whether the task list in {@code collections} was written as this version writes it, in {@code zone}. */
    private static boolean current(ReadModelCollections collections, ZoneId zone) {
        return current(collections.get(COLLECTION).find(eq("_id", ID)).first(), zone);
    }

    /** Whether {@code origin} (the record, or null when absent) says so. */
    private static boolean current(Document origin, ZoneId zone) {
        return origin != null
                && origin.get(FORMAT_FIELD) instanceof Number format
                && format.intValue() == FORMAT
                && origin.get(RULES) instanceof Number rules
                && rules.intValue() == RagPolicy.STORED_RULES
                && zone.getId().equals(origin.getString(ZONE));
    }

    /**
     * The generations found current, by the name of their tasks collection: a generation once current stays
     * so (its record is written when it starts and when it is reset), so only one that was not is read again.
     */
    static final class Known {

        private final Set<String> current = ConcurrentHashMap.newKeySet();

        boolean isCurrent(ReadModelCollections collections, ZoneId zone) {
            String generation =
                    collections.get(TaskProjection.TASKS).getNamespace().getCollectionName();
            if (current.contains(generation)) {
                return true;
            }
            if (!current(collections, zone)) {
                return false;
            }
            current.add(generation);
            return true;
        }
    }

    /** Why the task list in {@code collections} is not current, for logs and answers. */
    static String whyNot(ReadModelCollections collections, ZoneId zone) {
        Document origin = collections.get(COLLECTION).find(eq("_id", ID)).first();
        if (origin == null) {
            return "written by a version that did not record how";
        }
        return "written in format " + origin.get(FORMAT_FIELD, 1) + " under rules " + origin.get(RULES)
                + " in zone " + origin.getString(ZONE) + "; this version writes format " + FORMAT + " under rules "
                + RagPolicy.STORED_RULES + " in zone " + zone.getId();
    }
}
