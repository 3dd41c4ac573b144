package cn.qinghai.ledger.query.tasklist;

import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelOrigin;
import java.time.Clock;
import java.time.ZoneId;

/**
 * How a generation of the task list was written ({@link ReadModelOrigin}): the stored format of its
 * documents ({@link #FORMAT}), the rules of its stored RAG dates and of its units' counts
 * ({@link RagPolicy#STORED_RULES}), and the time zone its days were taken in. A generation written
 * otherwise (by an earlier version, or in another zone) is rebuilt from the event store, and until the
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

    private TaskListOrigin() {}

    /** The origin this version writes, for days taken in {@code zone}. */
    static ReadModelOrigin in(ZoneId zone) {
        return ReadModelOrigin.of("task list", COLLECTION, ID, FORMAT)
                .and("rules", RagPolicy.STORED_RULES)
                .and("zone", zone.getId());
    }

    /** Records that the task list starts now (called when it is empty), as this version writes it, in {@code clock}'s zone. */
    static void record(ReadModelCollections collections, Clock clock) {
        in(clock.getZone()).record(collections, clock.instant());
    }
}
