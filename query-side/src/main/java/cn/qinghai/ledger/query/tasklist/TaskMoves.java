package cn.qinghai.ledger.query.tasklist;

import cn.qinghai.ledger.query.platform.ReadModelCollections;
import java.time.Clock;
import java.util.List;

/**
 * A read model kept from how the tasks change (the unit board's per-unit counts, in {@code unitstatus}):
 * the tasks projection tells it each batch's task moves, around its own writes of the task documents.
 * Its collections live in the tasks projection's generation: they are reset, rebuilt and switched with
 * the task list, so they always describe the same tasks.
 */
public interface TaskMoves {

    /** A task's document before a batch changed it (null: not there yet) and after. */
    record TaskMove(TaskRecord before, TaskRecord after) {}

    /** The logical names of the collections it keeps in the tasks projection's generation. */
    List<String> collections();

    /** Its writer into {@code collections} (one generation of the task list); {@code clock} dates its writes. */
    Writer bind(ReadModelCollections collections, Clock clock);

    /** One generation's writer. */
    interface Writer {

        /**
         * Called before a batch writes the task documents that make {@code moves}, and again, with the same
         * moves, if the batch is handed again after a failure (a batch whose tasks were already written
         * shows no move then). Returns what to run once the task documents are written.
         */
        Runnable beforeTasks(List<TaskMove> moves);
    }
}
