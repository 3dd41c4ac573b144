package cn.qinghai.ledger.query.tasklist;

import cn.qinghai.ledger.query.platform.ReadModelCollections;
import java.time.Clock;
import java.util.List;
import org.bson.Document;

/**
 * A read model kept from how the tasks change (the unit board's per-unit counts, in {@code unitstatus}):
 * the tasks projection tells it each batch's task moves. Its collections live in the tasks projection's
 * generation: they are reset, rebuilt and switched with the task list, so they always describe the same
 * tasks.
 *
 * <p>What a move changes there is kept in the task's own document, written with the task
 * ({@link TaskBatch}), until it has been applied: a batch cut after its task writes leaves it there, and
 * the batch handed again applies it. {@link Writer#apply} applies each task's change once, keyed by task
 * and sequence number, however often it is called, until {@link Writer#forget} is called for it.
 */
public interface TaskMoves {

    /** A task's document before a batch changed it (null: not there yet) and after. */
    record TaskMove(TaskRecord before, TaskRecord after) {}

    /** What task {@code taskId}'s move to its event {@code seq} changes in the follower ({@link Writer#changes}). */
    record Change(String taskId, long seq, Document changes) {

        /** The key the follower applies this change under, once. */
        public String key() {
            return taskId + "@" + seq;
        }
    }

    /** The logical names of the collections it keeps in the tasks projection's generation. */
    List<String> collections();

    /** Its writer into {@code collections} (one generation of the task list); {@code clock} dates its writes. */
    Writer bind(ReadModelCollections collections, Clock clock);

    /** One generation's writer. */
    interface Writer {

        /** What {@code move} changes, as a document kept in the task's document until applied; null: nothing. */
        Document changes(TaskMove move);

        /**
         * Applies each change that was not applied before: a change already applied under its key is left
         * alone, so a batch handed again, or a second worker, applies nothing twice.
         */
        void apply(List<Change> changes);

        /**
         * Forgets the keys of {@code changes}, applied earlier: called by the batch that applied them once
         * no other worker can apply them any more.
         */
        void forget(List<Change> changes);
    }
}
