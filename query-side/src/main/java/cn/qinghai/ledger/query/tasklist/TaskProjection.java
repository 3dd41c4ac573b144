package cn.qinghai.ledger.query.tasklist;

import cn.qinghai.ledger.query.platform.MongoWrites;
import cn.qinghai.ledger.query.platform.ProjectionBatch;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelGenerations;
import cn.qinghai.ledger.query.platform.ReadModelIndexes;
import cn.qinghai.ledger.query.platform.ReplayableProjection;
import static cn.qinghai.ledger.query.platform.MongoWrites.date;
import static cn.qinghai.ledger.query.platform.MongoWrites.SEQ;
import static cn.qinghai.ledger.query.platform.MongoWrites.seen;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import cn.qinghai.ledger.events.task.*;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The task read model (督办事项): one document per task with what it is and where it stands, and a
 * history (one entry per event that a person reads: progress 进展, urging 催办, extension 延期,
 * completion 办结, return 退回, lateness 逾期) from which the detail, the unit status board and the
 * circular (通报) are read. RAG is not stored; {@link RagPolicy} computes it at read time.
 *
 * <p>Idempotent: a task document remembers the sequence number of the last event of its task applied
 * to it and ignores older ones; history entries are keyed by task and sequence number and inserted
 * once. Events of one task arrive in order (the processor's per-aggregate sequencing), so reading
 * the document before writing it is safe.
 */
@Component
@ProcessingGroup(TaskProjection.GROUP)
public class TaskProjection implements ReplayableProjection {

    public static final String GROUP = "tasks";
    static final String TASKS = "tasks";
    static final String HISTORY = "task_history";
    /** One small document per (conference, unit): the unit's latest progress report, for the board. */
    static final String UNIT_REPORTS = "task_unit_reports";
    /** One document per (conference, unit): its task counts for the board ({@link UnitTaskCounts}). */
    static final String UNIT_COUNTS = "task_unit_counts";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    /** Kinds of history entries. */
    enum Kind { PROGRESS, URGED, EXTENSION_REQUESTED, EXTENSION_GRANTED, EXTENSION_DENIED, COMPLETION, RETURNED,
        OVERDUE }

    private final ReadModelCollections collections;
    private final Clock clock;
    private final ZoneId zone;

    /** The live task list: the generation that serves readers. */
    @Autowired
    public TaskProjection(ReadModelGenerations generations, Clock clock) {
        this(generations.live(GROUP), clock);
    }

    /** A plain task list in {@code db} (generation 1), for tests and fixtures. */
    public TaskProjection(MongoDatabase readModelDatabase, Clock clock) {
        this(ReadModelCollections.plain(readModelDatabase), clock);
    }

    /**
     * A task list writing into {@code collections} (a rebuilt generation, or a history read as of a date).
     * Dates are taken in {@code clock}'s time zone; the clock also dates the unit counts' batch marks.
     */
    public TaskProjection(ReadModelCollections collections, Clock clock) {
        this.collections = collections;
        this.clock = clock;
        this.zone = clock.getZone();
        ensureIndexes();
        if (col(TASKS).find().limit(1).first() == null) {
            counts().markComplete();
        }
    }

    @Override
    public String processingGroup() {
        return GROUP;
    }

    @Override
    public List<String> collections() {
        return List.of(TASKS, HISTORY, UNIT_REPORTS, UNIT_COUNTS);
    }

    @Override
    public Object bindTo(ReadModelCollections target) {
        return new TaskProjection(target, clock);
    }

    private void ensureIndexes() {
        collections.ensureIndexes(TASKS, Indexes.ascending("conferenceId", "dueDate"),
                Indexes.ascending("units"), Indexes.ascending("conferenceId", RagPolicy.RED_FROM),
                Indexes.ascending("conferenceId", RagPolicy.DUE_AT_WORK),
                Indexes.ascending("conferenceId", RagPolicy.REPORT_SINCE_AT_WORK));
        collections.ensureIndexes(HISTORY, Indexes.ascending("taskId", "seq"),
                Indexes.ascending("conferenceId", "kind", "on"));
    }

    @EventHandler
    public void on(TaskAssignedEvent e, @SequenceNumber long seq) {
        Set<String> units = new LinkedHashSet<>();
        units.add(e.leadUnitCode());
        List<String> coUnits = e.coUnitCodes() == null ? List.of() : e.coUnitCodes();
        units.addAll(coUnits);
        TaskSource s = e.source();
        Staged staged = staged();
        staged.update(e.taskId(), staged.task(e.taskId()), seq, t -> t
                .append("conferenceId", e.conferenceId())
                .append("title", e.title())
                .append("source", s == null ? null : new Document()
                        .append("kind", s.kind() == null ? null : s.kind().name())
                        .append("meetingId", s.meetingId())
                        .append("decisionId", s.decisionId())
                        .append("minutesDocumentNo", s.minutesDocumentNo())
                        .append("reference", s.reference()))
                .append("leadUnitCode", e.leadUnitCode())
                .append("coUnitCodes", coUnits)
                .append("units", new ArrayList<>(units))
                .append("dueDate", date(e.dueDate()))
                .append("originalDueDate", date(e.dueDate()))
                .append("assignedOn", date(e.assignedOn()))
                .append("status", TaskStatus.ASSIGNED.name())
                .append("overdueRecorded", false));
        staged.done();
    }

    @EventHandler
    public void on(TaskAcknowledgedEvent e, @SequenceNumber long seq) {
        Staged staged = staged();
        Document task = staged.task(e.taskId());
        staged.update(e.taskId(), task, seq, t -> {
            TaskStatus status = status(task) == TaskStatus.ASSIGNED ? TaskStatus.ACKNOWLEDGED : status(task);
            t.append("acknowledgedOn", date(e.acknowledgedOn())).append("status", name(status));
        });
        staged.done();
    }

    /** 签收 by the lead unit's first report: the same as an acknowledgement, marked as such. */
    @EventHandler
    public void on(TaskAcknowledgedWithFirstReportEvent e, @SequenceNumber long seq) {
        Staged staged = staged();
        Document task = staged.task(e.taskId());
        staged.update(e.taskId(), task, seq, t -> {
            TaskStatus status = status(task) == TaskStatus.ASSIGNED ? TaskStatus.ACKNOWLEDGED : status(task);
            t.append("acknowledgedOn", date(e.acknowledgedOn())).append("acknowledgedWithFirstReport", true)
                    .append("status", name(status));
        });
        staged.done();
    }

    @EventHandler
    public void on(ProgressReportedEvent e, @SequenceNumber long seq) {
        Staged staged = staged();
        Document task = staged.task(e.taskId());
        staged.history(task, e.taskId(), seq, Kind.PROGRESS, e.reportedAt(), new Document()
                .append("unitCode", e.unitCode())
                .append("percentComplete", e.percentComplete())
                .append("summary", e.summary()));
        staged.latestReport(task, e);
        staged.update(e.taskId(), task, seq, t -> {
            TaskStatus status = status(task);
            if (status == null || status == TaskStatus.ASSIGNED || status == TaskStatus.ACKNOWLEDGED) {
                status = TaskStatus.IN_PROGRESS;
            }
            t.append("lastReportAt", e.reportedAt().toString())
                    .append("lastReportUnit", e.unitCode())
                    .append("lastPercent", e.percentComplete())
                    .append("status", status.name());
        });
        staged.done();
    }

    @EventHandler
    public void on(TaskUrgedEvent e, @SequenceNumber long seq, @MetaDataValue("actor") String actor,
                   @MetaDataValue("actorRole") String actorRole) {
        Staged staged = staged();
        Document task = staged.task(e.taskId());
        staged.history(task, e.taskId(), seq, Kind.URGED, e.urgedAt(), new Document("note", e.note())
                .append("by", actor).append("byRole", actorRole));
        staged.update(e.taskId(), task, seq, t -> t
                .append("urgings", (t.get("urgings") instanceof Number n ? n.intValue() : 0) + 1)
                .append("lastUrgedAt", e.urgedAt() == null ? null : e.urgedAt().toString()));
        staged.done();
    }

    @EventHandler
    public void on(ExtensionRequestedEvent e, @SequenceNumber long seq) {
        Staged staged = staged();
        staged.history(staged.task(e.taskId()), e.taskId(), seq, Kind.EXTENSION_REQUESTED, new Document()
                .append("on", date(e.requestedOn()))
                .append("requestId", e.requestId())
                .append("unitCode", e.unitCode())
                .append("currentDueDate", date(e.currentDueDate()))
                .append("newDueDate", date(e.newDueDate()))
                .append("reason", e.reason()));
        staged.done();
    }

    @EventHandler
    public void on(DeadlineExtendedEvent e, @SequenceNumber long seq) {
        Staged staged = staged();
        Document task = staged.task(e.taskId());
        staged.history(task, e.taskId(), seq, Kind.EXTENSION_GRANTED, new Document()
                .append("on", date(e.decidedOn()))
                .append("requestId", e.requestId())
                .append("previousDueDate", date(e.previousDueDate()))
                .append("newDueDate", date(e.newDueDate()))
                .append("note", e.note()));
        staged.update(e.taskId(), task, seq, t -> t
                .append("dueDate", date(e.newDueDate()))
                .append("originalDueDate", date(e.originalDueDate()))
                .append("overdueRecorded", false));
        staged.done();
    }

    @EventHandler
    public void on(ExtensionDeniedEvent e, @SequenceNumber long seq) {
        Staged staged = staged();
        staged.history(staged.task(e.taskId()), e.taskId(), seq, Kind.EXTENSION_DENIED, new Document()
                .append("on", date(e.decidedOn()))
                .append("requestId", e.requestId())
                .append("reason", e.reason()));
        staged.done();
    }

    @EventHandler
    public void on(CompletionSubmittedEvent e, @SequenceNumber long seq) {
        Staged staged = staged();
        Document task = staged.task(e.taskId());
        staged.history(task, e.taskId(), seq, Kind.COMPLETION, new Document()
                .append("on", date(e.submittedOn()))
                .append("unitCode", e.unitCode())
                .append("summary", e.summary())
                .append("evidence", e.evidence() == null ? List.of() : e.evidence()));
        staged.update(e.taskId(), task, seq, t -> t
                .append("status", TaskStatus.COMPLETION_SUBMITTED.name())
                .append("completionSubmittedOn", date(e.submittedOn())));
        staged.done();
    }

    @EventHandler
    public void on(TaskReturnedEvent e, @SequenceNumber long seq) {
        Staged staged = staged();
        Document task = staged.task(e.taskId());
        staged.history(task, e.taskId(), seq, Kind.RETURNED, new Document()
                .append("on", date(e.returnedOn()))
                .append("reason", e.reason()));
        staged.update(e.taskId(), task, seq, t -> {
            t.append("status", TaskStatus.IN_PROGRESS.name());
            t.remove("completionSubmittedOn");
        });
        staged.done();
    }

    @EventHandler
    public void on(TaskClosedEvent e, @SequenceNumber long seq) {
        Staged staged = staged();
        staged.update(e.taskId(), staged.task(e.taskId()), seq, t -> t
                .append("status", TaskStatus.CLOSED.name())
                .append("closedOn", date(e.closedOn()))
                .append("closeNote", e.note())
                .append("completionSubmittedOn", date(e.completionSubmittedOn()))
                .append("onTime", e.onTime()));
        staged.done();
    }

    @EventHandler
    public void on(TaskBecameOverdueEvent e, @SequenceNumber long seq) {
        Staged staged = staged();
        Document task = staged.task(e.taskId());
        staged.history(task, e.taskId(), seq, Kind.OVERDUE, new Document()
                .append("on", date(e.dueDate()))
                .append("dueDate", date(e.dueDate())));
        staged.update(e.taskId(), task, seq, t -> t.append("overdueRecorded", true));
        staged.done();
    }

    @ResetHandler
    public void reset() {
        col(TASKS).drop();
        col(HISTORY).drop();
        col(UNIT_REPORTS).drop();
        col(UNIT_COUNTS).drop();
        ensureIndexes();
        counts().markComplete();
    }

    /**
     * This projection's work in the current batch ({@link ProjectionBatch}), or a batch of one written at
     * once when events are not handled in a batch.
     */
    private Staged staged() {
        ProjectionBatch batch = ProjectionBatch.current();
        return batch == null ? new Staged(true) : batch.part(this, () -> new Staged(false));
    }

    static String unitReportId(String conferenceId, String unitCode) {
        return conferenceId + "/" + unitCode;
    }

    private UnitTaskCounts counts() {
        return new UnitTaskCounts(col(UNIT_COUNTS), clock);
    }

    /**
     * What the handlers of one batch read and write: each task's latest state (read once, then kept
     * here), the history entries, and each unit's latest report. {@link #flush()} writes them: every
     * changed task replaced once by {@code _id}, the history entries inserted once, the unit reports moved
     * forward, and the unit counts moved by the tasks' changes in three steps around the task writes
     * ({@link UnitTaskCounts}). Each write is idempotent, so a batch handed again after a failure changes
     * nothing twice: history entries are keyed by task and sequence number and written before the task's
     * {@code seq} guard is consulted, and a task already written shows no change to count.
     */
    private final class Staged implements ProjectionBatch.Part {

        private final boolean writeThrough;
        private final Map<String, Document> tasks = new HashMap<>();
        /** Each task as it was read, before this batch changed it (null: not there yet). */
        private final Map<String, Document> before = new HashMap<>();
        private final Set<String> changed = new LinkedHashSet<>();
        /** History entries by {@code _id} (task and sequence number); the fields are set on insert only. */
        private final Map<String, Document> history = new LinkedHashMap<>();
        private final Map<String, Document> unitReports = new LinkedHashMap<>();

        Staged(boolean writeThrough) {
            this.writeThrough = writeThrough;
        }

        /** The task as this batch knows it: written earlier in the batch, or read from the collection. */
        Document task(String taskId) {
            if (!tasks.containsKey(taskId)) {
                Document read = col(TASKS).find(eq("_id", taskId)).first();
                tasks.put(taskId, read);
                before.put(taskId, read);
            }
            return tasks.get(taskId);
        }

        /** Applies {@code change} to a copy of {@code task} unless it has already seen event {@code seq}. */
        void update(String taskId, Document task, long seq, Consumer<Document> change) {
            if (seen(task, seq)) {
                return;
            }
            Document next = task == null ? new Document("_id", taskId) : new Document(task);
            change.accept(next);
            rateable(next);
            next.put(SEQ, seq);
            tasks.put(taskId, next);
            changed.add(taskId);
        }

        /** A timed entry: its day ({@code on}) is the instant's date in the conference's time zone. */
        void history(Document task, String taskId, long seq, Kind kind, OffsetDateTime at, Document fields) {
            history(task, taskId, seq, kind, fields
                    .append("at", at == null ? null : at.toString())
                    .append("epochMillis", at == null ? null : at.toInstant().toEpochMilli())
                    .append("on", at == null ? null : date(at.atZoneSameInstant(zone).toLocalDate())));
        }

        void history(Document task, String taskId, long seq, Kind kind, Document fields) {
            history.put(taskId + "/" + seq, fields
                    .append("taskId", taskId)
                    .append("seq", seq)
                    .append("kind", kind.name())
                    .append("conferenceId", task == null ? null : task.getString("conferenceId"))
                    .append("leadUnitCode", task == null ? null : task.getString("leadUnitCode")));
        }

        /** Keeps the later of this report and any earlier one of the same unit in this batch. */
        void latestReport(Document task, ProgressReportedEvent e) {
            if (task == null || e.reportedAt() == null) {
                return;
            }
            long millis = e.reportedAt().toInstant().toEpochMilli();
            String id = unitReportId(task.getString("conferenceId"), e.unitCode());
            Document known = unitReports.get(id);
            if (known == null || known.getLong("epochMillis") < millis) {
                unitReports.put(id, new Document("epochMillis", millis).append("at", e.reportedAt().toString()));
            }
        }

        /** The end of one handler: a batch of one is written now, a real batch after its last event. */
        void done() {
            if (writeThrough) {
                flush();
            }
        }

        @Override
        public void flush() {
            UnitTaskCounts counts = counts();
            Map<UnitTaskCounts.Unit, Map<String, Integer>> countChanges = UnitTaskCounts.changes(
                    changed.stream().map(id -> new Document[] {before.get(id), tasks.get(id)}).toList(), zone);
            String countBatch = UnitTaskCounts.newBatch();
            counts.begin(countBatch, countChanges.keySet());
            if (!history.isEmpty()) {
                col(HISTORY).bulkWrite(history.entrySet().stream().map(h -> (WriteModel<Document>)
                        new UpdateOneModel<Document>(eq("_id", h.getKey()), new Document("$setOnInsert", h.getValue()),
                                UPSERT)).toList(), UNORDERED);
                history.clear();
            }
            if (!changed.isEmpty()) {
                writeTasks();
                changed.forEach(id -> before.put(id, tasks.get(id)));
                changed.clear();
            }
            counts.apply(countBatch, countChanges);
            unitReports.forEach(this::moveForward);
            unitReports.clear();
        }

        /**
         * Replaces each changed task by {@code _id}. On MongoDB (where a filter beyond {@code _id} still uses
         * the primary key) each replacement also requires the document to be as this batch read it, so a
         * worker that lost its segment's claim mid-batch while another handled the same events fails here,
         * before it adds its changes to the unit counts a second time. The in-process store serves a
         * single process, where one segment is never handled twice at once, and scans a collection for any
         * filter beyond {@code _id}: it replaces by {@code _id} alone.
         */
        private void writeTasks() {
            boolean guarded = collections.indexes() == ReadModelIndexes.DECLARED;
            List<WriteModel<Document>> writes = new ArrayList<>();
            for (String id : changed) {
                Document read = before.get(id);
                Bson filter = !guarded ? eq("_id", id)
                        : read == null ? and(eq("_id", id), exists(SEQ, false))
                        : and(eq("_id", id), eq(SEQ, read.get(SEQ)));
                writes.add(new ReplaceOneModel<>(filter, tasks.get(id), new ReplaceOptions().upsert(!guarded
                        || read == null)));
            }
            BulkWriteResult result = col(TASKS).bulkWrite(writes, UNORDERED);
            if (guarded && result.getMatchedCount() + result.getUpserts().size() < writes.size()) {
                throw new IllegalStateException("task documents changed by another worker during this batch;"
                        + " the batch is handed again");
            }
        }

        /**
         * Moves the unit's latest report forward unless it already holds a later one. Reports of one unit
         * come from many tasks, handled by several segments at once, so the condition is in the update;
         * a redelivery changes nothing. (The filter tests more than {@code _id}, but the collection holds
         * one small document per unit.)
         */
        private void moveForward(String id, Document report) {
            long millis = report.getLong("epochMillis");
            try {
                col(UNIT_REPORTS).updateOne(and(eq("_id", id), or(lt("epochMillis", millis),
                        exists("epochMillis", false))), new Document("$set", report), UPSERT);
            } catch (MongoWriteException x) {
                // it exists and holds this report or a later one: the upsert's insert collided on _id
                if (x.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw x;
                }
            }
        }
    }

    /** Keeps the dates a RAG filter selects by ({@link RagPolicy#datesOf}; indexed on MongoDB). */
    private void rateable(Document task) {
        RagPolicy.RagDates dates = RagPolicy.datesOf(TaskRecord.of(task), zone);
        task.put(RagPolicy.RED_FROM, date(dates.redFrom()));
        task.put(RagPolicy.DUE_AT_WORK, date(dates.dueAtWork()));
        task.put(RagPolicy.REPORT_SINCE_AT_WORK, date(dates.reportSinceAtWork()));
    }

    private static TaskStatus status(Document task) {
        String status = task == null ? null : task.getString("status");
        return status == null ? null : TaskStatus.valueOf(status);
    }

    private static String name(TaskStatus status) {
        return status == null ? null : status.name();
    }

    private MongoCollection<Document> col(String name) {
        return collections.get(name);
    }
}
