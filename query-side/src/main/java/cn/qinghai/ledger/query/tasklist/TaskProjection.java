package cn.qinghai.ledger.query.tasklist;

import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelGenerations;
import cn.qinghai.ledger.query.platform.ReplayableProjection;
import static cn.qinghai.ledger.query.platform.MongoWrites.applyIfNewer;
import static cn.qinghai.ledger.query.platform.MongoWrites.date;
import static cn.qinghai.ledger.query.platform.MongoWrites.insertOnce;
import static cn.qinghai.ledger.query.platform.MongoWrites.seen;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import cn.qinghai.ledger.events.task.*;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
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

    /** Kinds of history entries. */
    enum Kind { PROGRESS, URGED, EXTENSION_REQUESTED, EXTENSION_GRANTED, EXTENSION_DENIED, COMPLETION, RETURNED,
        OVERDUE }

    private final ReadModelCollections collections;
    private final ZoneId zone;

    /** The live task list: the generation that serves readers. */
    @Autowired
    public TaskProjection(ReadModelGenerations generations, Clock clock) {
        this(generations.live(GROUP), clock.getZone());
    }

    /** A plain task list in {@code db} (generation 1), for tests and fixtures. */
    public TaskProjection(MongoDatabase readModelDatabase, Clock clock) {
        this(ReadModelCollections.plain(readModelDatabase), clock.getZone());
    }

    /** A task list writing into {@code collections} (a rebuilt generation, or a history read as of a date). */
    public TaskProjection(ReadModelCollections collections, ZoneId zone) {
        this.collections = collections;
        this.zone = zone;
        ensureIndexes();
    }

    @Override
    public String processingGroup() {
        return GROUP;
    }

    @Override
    public List<String> collections() {
        return List.of(TASKS, HISTORY, UNIT_REPORTS);
    }

    @Override
    public Object bindTo(ReadModelCollections target) {
        return new TaskProjection(target, zone);
    }

    private void ensureIndexes() {
        col(TASKS).createIndex(Indexes.ascending("conferenceId", "dueDate"));
        col(TASKS).createIndex(Indexes.ascending("units"));
        col(HISTORY).createIndex(Indexes.ascending("taskId", "seq"));
        col(HISTORY).createIndex(Indexes.ascending("conferenceId", "kind", "on"));
    }

    @EventHandler
    public void on(TaskAssignedEvent e, @SequenceNumber long seq) {
        Set<String> units = new LinkedHashSet<>();
        units.add(e.leadUnitCode());
        List<String> coUnits = e.coUnitCodes() == null ? List.of() : e.coUnitCodes();
        units.addAll(coUnits);
        TaskSource s = e.source();
        applyIfNewer(col(TASKS), e.taskId(), seq, combine(
                set("conferenceId", e.conferenceId()),
                set("title", e.title()),
                set("source", s == null ? null : new Document()
                        .append("kind", s.kind() == null ? null : s.kind().name())
                        .append("meetingId", s.meetingId())
                        .append("decisionId", s.decisionId())
                        .append("minutesDocumentNo", s.minutesDocumentNo())
                        .append("reference", s.reference())),
                set("leadUnitCode", e.leadUnitCode()),
                set("coUnitCodes", coUnits),
                set("units", new ArrayList<>(units)),
                set("dueDate", date(e.dueDate())),
                set("originalDueDate", date(e.dueDate())),
                set("assignedOn", date(e.assignedOn())),
                set("status", TaskStatus.ASSIGNED.name()),
                set("overdueRecorded", false)));
    }

    @EventHandler
    public void on(TaskAcknowledgedEvent e, @SequenceNumber long seq) {
        Document task = task(e.taskId());
        if (seen(task, seq)) {
            return;
        }
        TaskStatus status = status(task) == TaskStatus.ASSIGNED ? TaskStatus.ACKNOWLEDGED : status(task);
        applyIfNewer(col(TASKS), task, e.taskId(), seq, combine(
                set("acknowledgedOn", date(e.acknowledgedOn())),
                set("status", name(status))));
    }

    @EventHandler
    public void on(ProgressReportedEvent e, @SequenceNumber long seq) {
        Document task = task(e.taskId());
        history(task, e.taskId(), seq, Kind.PROGRESS, e.reportedAt(), new Document()
                .append("unitCode", e.unitCode())
                .append("percentComplete", e.percentComplete())
                .append("summary", e.summary()));
        if (seen(task, seq)) {
            return;
        }
        TaskStatus status = status(task);
        if (status == null || status == TaskStatus.ASSIGNED || status == TaskStatus.ACKNOWLEDGED) {
            status = TaskStatus.IN_PROGRESS;
        }
        latestReport(task, e);
        applyIfNewer(col(TASKS), task, e.taskId(), seq, combine(
                set("lastReportAt", e.reportedAt().toString()),
                set("lastReportUnit", e.unitCode()),
                set("lastPercent", e.percentComplete()),
                set("status", status.name())));
    }

    @EventHandler
    public void on(TaskUrgedEvent e, @SequenceNumber long seq) {
        Document task = task(e.taskId());
        history(task, e.taskId(), seq, Kind.URGED, e.urgedAt(), new Document("note", e.note()));
        applyIfNewer(col(TASKS), task, e.taskId(), seq, combine(
                inc("urgings", 1),
                set("lastUrgedAt", e.urgedAt() == null ? null : e.urgedAt().toString())));
    }

    @EventHandler
    public void on(ExtensionRequestedEvent e, @SequenceNumber long seq) {
        history(task(e.taskId()), e.taskId(), seq, Kind.EXTENSION_REQUESTED, new Document()
                .append("on", date(e.requestedOn()))
                .append("requestId", e.requestId())
                .append("unitCode", e.unitCode())
                .append("currentDueDate", date(e.currentDueDate()))
                .append("newDueDate", date(e.newDueDate()))
                .append("reason", e.reason()));
    }

    @EventHandler
    public void on(DeadlineExtendedEvent e, @SequenceNumber long seq) {
        history(task(e.taskId()), e.taskId(), seq, Kind.EXTENSION_GRANTED, new Document()
                .append("on", date(e.decidedOn()))
                .append("requestId", e.requestId())
                .append("previousDueDate", date(e.previousDueDate()))
                .append("newDueDate", date(e.newDueDate()))
                .append("note", e.note()));
        applyIfNewer(col(TASKS), e.taskId(), seq, combine(
                set("dueDate", date(e.newDueDate())),
                set("originalDueDate", date(e.originalDueDate())),
                set("overdueRecorded", false)));
    }

    @EventHandler
    public void on(ExtensionDeniedEvent e, @SequenceNumber long seq) {
        history(task(e.taskId()), e.taskId(), seq, Kind.EXTENSION_DENIED, new Document()
                .append("on", date(e.decidedOn()))
                .append("requestId", e.requestId())
                .append("reason", e.reason()));
    }

    @EventHandler
    public void on(CompletionSubmittedEvent e, @SequenceNumber long seq) {
        history(task(e.taskId()), e.taskId(), seq, Kind.COMPLETION, new Document()
                .append("on", date(e.submittedOn()))
                .append("unitCode", e.unitCode())
                .append("summary", e.summary())
                .append("evidence", e.evidence() == null ? List.of() : e.evidence()));
        applyIfNewer(col(TASKS), e.taskId(), seq, combine(
                set("status", TaskStatus.COMPLETION_SUBMITTED.name()),
                set("completionSubmittedOn", date(e.submittedOn()))));
    }

    @EventHandler
    public void on(TaskReturnedEvent e, @SequenceNumber long seq) {
        history(task(e.taskId()), e.taskId(), seq, Kind.RETURNED, new Document()
                .append("on", date(e.returnedOn()))
                .append("reason", e.reason()));
        applyIfNewer(col(TASKS), e.taskId(), seq, combine(
                set("status", TaskStatus.IN_PROGRESS.name()),
                unset("completionSubmittedOn")));
    }

    @EventHandler
    public void on(TaskClosedEvent e, @SequenceNumber long seq) {
        applyIfNewer(col(TASKS), e.taskId(), seq, combine(
                set("status", TaskStatus.CLOSED.name()),
                set("closedOn", date(e.closedOn())),
                set("closeNote", e.note()),
                set("completionSubmittedOn", date(e.completionSubmittedOn())),
                set("onTime", e.onTime())));
    }

    @EventHandler
    public void on(TaskBecameOverdueEvent e, @SequenceNumber long seq) {
        history(task(e.taskId()), e.taskId(), seq, Kind.OVERDUE, new Document()
                .append("on", date(e.dueDate()))
                .append("dueDate", date(e.dueDate())));
        applyIfNewer(col(TASKS), e.taskId(), seq, set("overdueRecorded", true));
    }

    @ResetHandler
    public void reset() {
        col(TASKS).drop();
        col(HISTORY).drop();
        col(UNIT_REPORTS).drop();
        ensureIndexes();
    }

    /** A timed entry: its day ({@code on}) is the instant's date in the conference's time zone. */
    private void history(Document task, String taskId, long seq, Kind kind, OffsetDateTime at, Document fields) {
        history(task, taskId, seq, kind, fields
                .append("at", at == null ? null : at.toString())
                .append("epochMillis", at == null ? null : at.toInstant().toEpochMilli())
                .append("on", at == null ? null : date(at.atZoneSameInstant(zone).toLocalDate())));
    }

    private void history(Document task, String taskId, long seq, Kind kind, Document fields) {
        insertOnce(col(HISTORY), taskId + "/" + seq, fields
                .append("taskId", taskId)
                .append("seq", seq)
                .append("kind", kind.name())
                .append("conferenceId", task == null ? null : task.getString("conferenceId"))
                .append("leadUnitCode", task == null ? null : task.getString("leadUnitCode")));
    }

    /**
     * Moves the reporting unit's latest report forward to this one unless it already holds a later one.
     * The unit's reports come from many tasks, handled by several segments at once, so the condition is
     * in the update itself; a redelivery changes nothing. (The filter tests more than {@code _id}, but the
     * collection holds one small document per unit.)
     */
    private void latestReport(Document task, ProgressReportedEvent e) {
        if (task == null || e.reportedAt() == null) {
            return;
        }
        long millis = e.reportedAt().toInstant().toEpochMilli();
        String id = unitReportId(task.getString("conferenceId"), e.unitCode());
        try {
            col(UNIT_REPORTS).updateOne(and(eq("_id", id), or(lt("epochMillis", millis), exists("epochMillis", false))),
                    combine(set("epochMillis", millis), set("at", e.reportedAt().toString())),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException x) {
            // it exists and holds this report or a later one: the upsert's insert collided on _id
            if (x.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw x;
            }
        }
    }

    static String unitReportId(String conferenceId, String unitCode) {
        return conferenceId + "/" + unitCode;
    }

    private Document task(String taskId) {
        return col(TASKS).find(eq("_id", taskId)).first();
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

    static Bson byTask(String taskId) {
        return eq("taskId", taskId);
    }
}
