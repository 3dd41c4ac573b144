package cn.qinghai.ledger.query.unitstatus;

import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.tasklist.RagPolicy;
import cn.qinghai.ledger.query.tasklist.TaskListOrigin;
import cn.qinghai.ledger.query.tasklist.TaskMoves;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Per-unit task counts (成员单位督办事项计数): what the unit status board needs of a unit's tasks, in one
 * small document per (conference, unit) ({@link UnitCountsDocument}), so that the board reads one
 * document per unit however many tasks the conference has. The tasks projection tells this read model
 * how its tasks move ({@link TaskMoves}); the counts live in the task list's generation, so they are
 * reset and rebuilt with it. RAG changes with the date alone, so the counts keep dates, not colours: for
 * the open tasks a unit leads, how many have each of {@link RagPolicy#datesOf}'s dates on each day
 * ({@link TaskShares}); {@link RagPolicy} evaluates them for today, so a board read from the counts equals
 * one that rates every task (a property test holds the two together).
 *
 * <p><b>Exact without multi-document transactions, and without a timeout.</b> Each changed task moves its
 * share of the counts from what its document said before to what it says after; the tasks projection
 * ({@code TaskBatch}) asks this read model what the move changes ({@link UnitCountsWriter#changes}) and
 * keeps that change in the task's document, written with the task. Then it applies the batch's changes
 * here, one update per unit document that adds the increments and the changes' keys ({@code taskId@seq},
 * in {@code applied}), made only where none of those keys is there; then it removes the changes from the
 * task documents, and last forgets the keys. Every step is safe to repeat:
 * <ul>
 *   <li>A batch stopped before or during its task writes is handed again and computes the same moves
 *       from the tasks not yet written; the tasks already written show no move.
 *   <li>A batch stopped after its task writes leaves each change in its task's document; the batch
 *       handed again reads the task, finds the change and applies it, once: a unit document already
 *       holding its key is left alone.
 *   <li>Forgetting a key is the last step, taken by the batch that removed the change from the task:
 *       after it, no task shows the change, so no one can apply it again.
 * </ul>
 * On a store shared across processes a worker that lost its segment's claim mid-batch may still be
 * writing while another handles the same events: it fails at its conditional task writes before it
 * applies anything ({@code TaskBatch}); and a batch that applies a change another worker left in a task
 * first takes the change over in that task's document and never forgets its key, so the stalled worker,
 * should it wake, finds the key and adds nothing. Increments commute, so any number of segments,
 * instances and dead-letter retries may write the same unit document.
 *
 * <p>Counts exist only for a task list that kept them from its first event, under these rules and in this
 * time zone ({@link TaskListOrigin}); otherwise the board rates every task until the tasks projection is
 * rebuilt ({@link UnitCountsReader}).
 */
@Component
public class UnitTaskCounts implements TaskMoves {

    /** The collection of the counts: one document per (conference, unit), and the task list's origin record. */
    public static final String COLLECTION = TaskListOrigin.COLLECTION;

    @Override
    public List<String> collections() {
        return List.of(COLLECTION);
    }

    @Override
    public Writer bind(ReadModelCollections collections, Clock clock) {
        return new UnitCountsWriter(collections.get(COLLECTION), clock.getZone());
    }
}
