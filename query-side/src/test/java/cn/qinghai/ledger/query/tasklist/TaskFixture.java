package cn.qinghai.ledger.query.tasklist;

import cn.qinghai.ledger.events.task.FindTasksQuery;
import cn.qinghai.ledger.events.task.TaskList;
import cn.qinghai.ledger.events.task.TaskRow;
import cn.qinghai.ledger.platform.calendar.WorkingCalendar;
import cn.qinghai.ledger.query.roster.UnitDirectory;
import cn.qinghai.ledger.query.unitstatus.UnitTaskCounts;
import cn.qinghai.ledger.testsupport.MutableClock;
import com.mongodb.client.MongoDatabase;
import java.util.List;

/** The task read model wired as Spring wires it, on a test database and a clock the test moves. */
public final class TaskFixture {

    public final TaskProjection projection;
    public final TaskReadModel readModel;
    public final RagPolicy rag;
    public final TaskQueries queries;
    public final SupervisionProperties supervision = new SupervisionProperties();

    public TaskFixture(MongoDatabase db, MutableClock clock) {
        projection = new TaskProjection(db, clock, new UnitTaskCounts());
        readModel = new TaskReadModel(db, clock.getZone());
        rag = new RagPolicy(clock, WorkingCalendar.weekdaysOnly(), supervision);
        queries = new TaskQueries(readModel, rag, new UnitDirectory(db));
    }

    /** The unit task counts' collection, and the record of how the task list was written. */
    public static final String UNIT_COUNTS = UnitTaskCounts.COLLECTION;

    public static final String ORIGIN = TaskListOrigin.ID;

    /**
     * What {@code query} answers when every task is rated in turn ({@link RagPolicy#assess}) rather than
     * selected by its stored RAG dates: the oracle the RAG filter is held equal to. The tasks matching the
     * other filters are read whole, rated, kept where their colour is the query's, and the page cut.
     */
    public TaskList ratedOneByOne(FindTasksQuery query) {
        TaskList all = queries.handle(new FindTasksQuery(
                query.conferenceId(), query.unitCode(), query.status(), null, query.dueBefore(), 0, Integer.MAX_VALUE));
        List<TaskRow> matching = all.items().stream()
                .filter(row -> query.rag() == null || row.rag() == query.rag())
                .toList();
        int skip = query.page() * query.size();
        List<TaskRow> page = skip >= matching.size()
                ? List.of()
                : matching.subList(skip, Math.min(matching.size(), skip + query.size()));
        return new TaskList(page, matching.size());
    }

    public static String[] collections() {
        return new String[] {TaskProjection.TASKS, TaskProjection.HISTORY};
    }
}
