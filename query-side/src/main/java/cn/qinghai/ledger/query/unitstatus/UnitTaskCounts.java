package cn.qinghai.ledger.query.unitstatus;

import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.tasklist.RagPolicy;
import cn.qinghai.ledger.query.tasklist.TaskListOrigin;
import cn.qinghai.ledger.query.tasklist.TaskMoves;
import java.time.Clock;
import java.time.Duration;
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
 * <p><b>Exact without multi-document transactions.</b> Each changed task moves its share of the counts
 * from what its document said before to what it says after. A batch writes in three steps: (1) it marks
 * every unit document it will change ({@code pending.<batch>} = the time), (2) the tasks projection writes
 * the task documents, (3) it adds its changes to each unit document and removes its mark in one update of
 * that document, made only while the mark is there ({@link UnitCountsWriter}). A batch handed again after
 * a failure reads the task documents it already wrote, finds nothing to change and adds nothing: so step
 * 3 counts each change once, provided step 2 completed. If a batch stops between the steps its mark
 * stays: a unit document with a mark older than {@link #STUCK_AFTER} may lack changes its tasks already
 * show, so the board rates that unit's tasks one by one (exact) and then recounts the unit from its tasks
 * ({@link UnitRecount}), replacing the document only if no batch touched it meanwhile ({@code version})
 * and none is under way. A batch that was only slow, not stopped, finds its mark gone at step 3, adds
 * nothing and marks the unit stale, so it is recounted again. Marks younger than {@link #STUCK_AFTER}
 * belong to batches under way: the counts then show the state before that batch, as any read model does
 * while a batch is being written. Increments commute, so any number of segments, instances and
 * dead-letter retries may write the same unit document.
 *
 * <p>Counts exist only for a task list that kept them from its first event, under these rules and in this
 * time zone ({@link TaskListOrigin}); otherwise the board rates every task until the tasks projection is
 * rebuilt ({@link UnitCountsReader}).
 */
@Component
public class UnitTaskCounts implements TaskMoves {

    /** A mark older than this belongs to a batch that stopped between its steps (batches take seconds). */
    public static final Duration STUCK_AFTER = Duration.ofMinutes(2);
    /** The collection of the counts: one document per (conference, unit), and the task list's origin record. */
    public static final String COLLECTION = TaskListOrigin.COLLECTION;

    @Override
    public List<String> collections() {
        return List.of(COLLECTION);
    }

    @Override
    public Writer bind(ReadModelCollections collections, Clock clock) {
        return new UnitCountsWriter(collections.get(COLLECTION), clock);
    }
}
