package cn.qinghai.ledger.query.tasklist;

import static cn.qinghai.ledger.query.platform.MongoWrites.SEQ;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import cn.qinghai.ledger.events.task.ProgressReportedEvent;
import cn.qinghai.ledger.query.platform.ProjectionBatch;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelStore;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * What the tasks projection's handlers of one batch read and write: each task's latest state (read once,
 * then kept here), the history entries, and each unit's latest report. {@link #flush()} writes them: every
 * changed task replaced once by {@code _id}, the history entries written by {@code _id}, the unit reports moved
 * forward; and it hands {@link TaskMoves} what each changed task's move changes there, kept in the task's
 * document ({@value #PENDING_CHANGE}) from the task write until it has been applied. Each write is
 * idempotent, so a batch handed again after a failure changes nothing twice: history entries are keyed by
 * task and sequence number and written before the task's {@code seq} guard is consulted, a task already
 * written shows no move, and a change left in a task is applied by the next batch that reads the task,
 * once ({@link TaskMoves.Writer#apply}).
 */
final class TaskBatch implements ProjectionBatch.Part {

    /** A task document's change to {@link TaskMoves} not yet applied: {@code {seq, by: batch, changes}}. */
    static final String PENDING_CHANGE = "pendingChange";

    private static final String BY = PENDING_CHANGE + ".by";
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final ReadModelCollections collections;
    private final ZoneId zone;
    private final TaskMoves.Writer moves;
    private final boolean writeThrough;
    private final boolean shared;
    private final String id = UUID.randomUUID().toString();
    private final Map<String, TaskRecord> tasks = new HashMap<>();
    /** Each task as it was read, before this batch changed it (null: not there yet). */
    private final Map<String, TaskRecord> before = new HashMap<>();
    /** Tasks read with a change that the batch which wrote them did not see applied. */
    private final Map<String, TaskRecord.PendingChange> leftBehind = new LinkedHashMap<>();

    private final Set<String> changed = new LinkedHashSet<>();
    /** History entries by {@code _id} (task and sequence number): the same entry for the same event. */
    private final Map<String, TaskHistoryEntry> history = new LinkedHashMap<>();

    private final UnitLatestReports unitReports = new UnitLatestReports();

    /** {@code writeThrough}: a batch of one event, written when its handler is {@link #done}. */
    TaskBatch(ReadModelCollections collections, ZoneId zone, TaskMoves.Writer moves, boolean writeThrough) {
        this.collections = collections;
        this.zone = zone;
        this.moves = moves;
        this.writeThrough = writeThrough;
        this.shared = collections.store().sharedAcrossProcesses();
    }

    /** The task as this batch knows it: written earlier in the batch, or read from the collection. */
    TaskRecord task(String taskId) {
        if (!tasks.containsKey(taskId)) {
            TaskRecord read = typed().find(eq("_id", taskId)).first();
            tasks.put(taskId, read);
            before.put(taskId, read);
            if (read != null && read.pendingChange() != null) {
                leftBehind.put(taskId, read.pendingChange());
            }
        }
        return tasks.get(taskId);
    }

    /**
     * Applies {@code change} to a copy of the task unless it has already seen event {@code seq} (the
     * copy has no pending change and gets the RAG dates of what it became).
     */
    void update(String taskId, long seq, Consumer<TaskDraft> change) {
        TaskRecord task = task(taskId);
        if (task != null && task.seq() >= seq) {
            return;
        }
        TaskDraft next = task == null ? new TaskDraft(taskId) : new TaskDraft(task);
        change.accept(next);
        tasks.put(taskId, next.record(seq, zone));
        changed.add(taskId);
    }

    /** A timed history entry of the task: its day ({@code on}) is the instant's date in the conference's zone. */
    void history(String taskId, long seq, OffsetDateTime at, TaskHistoryEntry.What what) {
        history(taskId, seq, at, at == null ? null : at.atZoneSameInstant(zone).toLocalDate(), what);
    }

    /** A history entry of the task on the day its event names. */
    void history(String taskId, long seq, LocalDate on, TaskHistoryEntry.What what) {
        history(taskId, seq, null, on, what);
    }

    private void history(String taskId, long seq, OffsetDateTime at, LocalDate on, TaskHistoryEntry.What what) {
        TaskHistoryEntry entry = TaskHistoryEntry.of(taskId, seq, task(taskId), at, on, what);
        history.put(entry.id(), entry);
    }

    /** Keeps the later of this report and any earlier one of the same unit in this batch. */
    void latestReport(TaskRecord task, ProgressReportedEvent e) {
        unitReports.keep(task, e);
    }

    /** The end of one handler: a batch of one is written now, a real batch after its last event. */
    void done() {
        if (writeThrough) {
            flush();
        }
    }

    @Override
    public void flush() {
        applyLeftBehind();
        List<TaskMoves.Change> changes = new ArrayList<>();
        for (String taskId : changed) {
            TaskRecord after = tasks.get(taskId);
            Document change = moves.changes(new TaskMoves.TaskMove(before.get(taskId), after));
            if (change != null) {
                tasks.put(taskId, after.withPendingChange(new TaskRecord.PendingChange(after.seq(), id, change)));
                changes.add(new TaskMoves.Change(taskId, after.seq(), change));
            }
        }
        if (!history.isEmpty()) {
            TaskReadModel.history(collections)
                    .bulkWrite(history.values().stream().map(TaskBatch::byId).toList(), UNORDERED);
            history.clear();
        }
        if (!changed.isEmpty()) {
            writeTasks();
            moves.apply(changes);
            if (removeFromTasks(changes, id)) {
                moves.forget(changes);
            }
            changed.forEach(taskId -> {
                TaskRecord written = tasks.get(taskId).withPendingChange(null);
                tasks.put(taskId, written);
                before.put(taskId, written);
            });
            changed.clear();
        }
        unitReports.write(col(TaskProjection.UNIT_REPORTS));
    }

    /**
     * Applies the changes this batch found in the tasks it read, left by a batch that stopped after its
     * task writes. On a shared store another worker may still be applying one: each is first taken over in
     * its task's document, and its key is never forgotten, so that worker, should it go on, finds it. In a
     * single process the batch that left it is gone: its keys are forgotten as usual.
     */
    private void applyLeftBehind() {
        if (leftBehind.isEmpty()) {
            return;
        }
        List<TaskMoves.Change> taken = new ArrayList<>();
        leftBehind.forEach((taskId, left) -> {
            if (!shared
                    || col(TaskProjection.TASKS)
                                    .updateOne(and(eq("_id", taskId), eq(BY, left.by())), Updates.set(BY, id))
                                    .getModifiedCount()
                            == 1) {
                taken.add(new TaskMoves.Change(taskId, left.seq(), left.changes()));
            }
        });
        moves.apply(taken);
        if (removeFromTasks(taken, id) && !shared) {
            moves.forget(taken);
        }
        leftBehind.keySet().forEach(taskId -> {
            before.put(taskId, before.get(taskId).withPendingChange(null));
            if (!changed.contains(taskId)) {
                tasks.put(taskId, before.get(taskId));
            }
        });
        leftBehind.clear();
    }

    /**
     * Removes the applied {@code changes} from their tasks' documents; on a shared store only where batch
     * {@code by} still holds them. Answers whether it removed every one (elsewhere another batch took one
     * over, and keeps its key).
     */
    private boolean removeFromTasks(List<TaskMoves.Change> changes, String by) {
        if (changes.isEmpty()) {
            return true;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (TaskMoves.Change change : changes) {
            Bson filter = shared ? and(eq("_id", change.taskId()), eq(BY, by)) : eq("_id", change.taskId());
            writes.add(new UpdateOneModel<>(filter, Updates.unset(PENDING_CHANGE)));
        }
        return col(TaskProjection.TASKS).bulkWrite(writes, UNORDERED).getMatchedCount() == changes.size();
    }

    /**
     * Replaces each changed task by {@code _id}. On a store {@link ReadModelStore#sharedAcrossProcesses
     * shared across processes} (MongoDB, where a filter beyond {@code _id} still uses the primary key) each
     * replacement also requires the document to be as this batch read it, so a worker that lost its
     * segment's claim mid-batch while another handled the same events fails here, before it applies
     * anything to {@link TaskMoves}. The in-process store serves a single process, where one
     * segment is never handled twice at once, and scans a collection for any filter beyond {@code _id}: it
     * replaces by {@code _id} alone.
     */
    private void writeTasks() {
        boolean guarded = shared;
        List<WriteModel<TaskRecord>> writes = new ArrayList<>();
        for (String id : changed) {
            TaskRecord read = before.get(id);
            Bson filter = !guarded
                    ? eq("_id", id)
                    : read == null ? and(eq("_id", id), exists(SEQ, false)) : and(eq("_id", id), eq(SEQ, read.seq()));
            writes.add(new ReplaceOneModel<>(
                    filter, tasks.get(id), new ReplaceOptions().upsert(!guarded || read == null)));
        }
        BulkWriteResult result = typed().bulkWrite(writes, UNORDERED);
        if (guarded && result.getMatchedCount() + result.getUpserts().size() < writes.size()) {
            throw new IllegalStateException(
                    "task documents changed by another worker during this batch;" + " the batch is handed again");
        }
    }

    /**
     * Writes {@code entry} by {@code _id}, creating it: a batch handed again writes the same entry again (its
     * envelope's conference and lead unit never change), so the entry is there once, as it was.
     */
    private static WriteModel<TaskHistoryEntry> byId(TaskHistoryEntry entry) {
        return new ReplaceOneModel<>(eq("_id", entry.id()), entry, new ReplaceOptions().upsert(true));
    }

    private MongoCollection<TaskRecord> typed() {
        return TaskReadModel.tasks(collections);
    }

    private MongoCollection<Document> col(String name) {
        return collections.get(name);
    }
}
