package cn.qinghai.ledger.query.tasklist;

import cn.qinghai.ledger.platform.calendar.WorkingCalendar;
import cn.qinghai.ledger.query.roster.UnitDirectory;
import cn.qinghai.ledger.query.unitstatus.UnitTaskCounts;
import cn.qinghai.ledger.testsupport.MutableClock;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.function.Supplier;
import org.bson.Document;

/** The task read model wired as Spring wires it, on a test database and a clock the test moves. */
public final class TaskFixture {

    public final TaskProjection projection;
    public final TaskReadModel readModel;
    public final RagPolicy rag;
    public final TaskQueries queries;
    public final SupervisionProperties supervision = new SupervisionProperties();

    public TaskFixture(MongoDatabase db, MutableClock clock) {
        projection = new TaskProjection(db, clock, new UnitTaskCounts());
        readModel = new TaskReadModel(db);
        rag = new RagPolicy(clock, WorkingCalendar.weekdaysOnly(), supervision);
        queries = new TaskQueries(readModel, rag, new UnitDirectory(db));
    }

    /** The unit task counts' collection, and the record that they were kept from the first event. */
    public static final String UNIT_COUNTS = UnitTaskCounts.COLLECTION;

    public static final String COUNTS_COMPLETE = TaskListOrigin.ID;

    /**
     * What {@code read} answers where the task list has no counts or stored RAG dates: every task rated
     * in turn (the paths of a task list built before them). The record that they were kept is put back.
     */
    public static <T> T rated(MongoDatabase db, Supplier<T> read) {
        MongoCollection<Document> counts = db.getCollection(UNIT_COUNTS);
        Document complete = counts.find(Filters.eq("_id", COUNTS_COMPLETE)).first();
        if (complete == null) {
            throw new IllegalStateException("the counts were not kept from the first event");
        }
        counts.deleteOne(Filters.eq("_id", COUNTS_COMPLETE));
        try {
            return read.get();
        } finally {
            counts.insertOne(complete);
        }
    }

    public static String[] collections() {
        return new String[] {TaskProjection.TASKS, TaskProjection.HISTORY};
    }
}
