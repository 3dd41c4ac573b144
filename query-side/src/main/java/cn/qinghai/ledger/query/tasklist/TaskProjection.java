package cn.qinghai.ledger.query.tasklist;

import cn.qinghai.ledger.events.task.*;
import cn.qinghai.ledger.query.platform.ProjectionBatch;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelGenerations;
import cn.qinghai.ledger.query.platform.ReadModelOrigin;
import cn.qinghai.ledger.query.platform.ReplayableProjection;
import cn.qinghai.ledger.query.tasklist.TaskHistoryEntry.Completion;
import cn.qinghai.ledger.query.tasklist.TaskHistoryEntry.ExtensionDenied;
import cn.qinghai.ledger.query.tasklist.TaskHistoryEntry.ExtensionGranted;
import cn.qinghai.ledger.query.tasklist.TaskHistoryEntry.ExtensionRequest;
import cn.qinghai.ledger.query.tasklist.TaskHistoryEntry.Overdue;
import cn.qinghai.ledger.query.tasklist.TaskHistoryEntry.Progress;
import cn.qinghai.ledger.query.tasklist.TaskHistoryEntry.Returned;
import cn.qinghai.ledger.query.tasklist.TaskHistoryEntry.Urging;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The task read model (督办事项): one document per task with what it is and where it stands, and a
 * history (one entry per event that a person reads: progress 进展, urging 催办, extension 延期,
 * completion 办结, return 退回, lateness 逾期) from which the detail and the circular (通报) are read,
 * and each unit's latest progress report. RAG is not stored; {@link RagPolicy} computes it at read time
 * from the dates it has each task keep. The handlers say what each event changes; {@link TaskBatch}
 * writes a batch's changes, and tells {@link TaskMoves} (the unit board's counts) how the tasks moved.
 *
 * <p>Idempotent: a task document remembers the sequence number of the last event of its task applied
 * to it and ignores older ones; history entries are keyed by task and sequence number, one per
 * event. Events of one task arrive in order (the processor's per-aggregate sequencing), so reading
 * the document before writing it is safe.
 */
@Component
@ProcessingGroup(TaskProjection.GROUP)
public class TaskProjection implements ReplayableProjection {

    public static final String GROUP = "tasks";
    static final String TASKS = "tasks";
    static final String HISTORY = "task_history";
    /** One small document per (conference, unit): the unit's latest progress report, for the board. */
    static final String UNIT_REPORTS = UnitLatestReports.COLLECTION;

    private final ReadModelCollections collections;
    private final Clock clock;
    private final TaskMoves follower;
    private final TaskMoves.Writer moves;
    private final ReadModelOrigin origin;

    /** The live task list: the generation that serves readers. */
    @Autowired
    public TaskProjection(ReadModelGenerations generations, Clock clock, TaskMoves follower) {
        this(generations.live(GROUP), clock, follower);
    }

    /** A plain task list in {@code db} (generation 1), for tests and fixtures. */
    public TaskProjection(MongoDatabase readModelDatabase, Clock clock, TaskMoves follower) {
        this(ReadModelCollections.plain(readModelDatabase), clock, follower);
    }

    /**
     * A task list writing into {@code collections} (a rebuilt generation, or a history read as of a date),
     * telling {@code follower} how its tasks move. Dates are taken in {@code clock}'s time zone.
     */
    public TaskProjection(ReadModelCollections collections, Clock clock, TaskMoves follower) {
        this.collections = collections;
        this.clock = clock;
        this.follower = follower;
        this.moves = follower.bind(collections, clock);
        this.origin = TaskListOrigin.in(clock.getZone());
        ensureIndexes();
        origin.recordIfEmpty(collections, TASKS, clock.instant());
    }

    @Override
    public String processingGroup() {
        return GROUP;
    }

    @Override
    public List<String> collections() {
        return Stream.concat(
                        Stream.of(TASKS, HISTORY, UNIT_REPORTS, origin.collection()), follower.collections().stream())
                .distinct()
                .toList();
    }

    @Override
    public Object bindTo(ReadModelCollections target) {
        return new TaskProjection(target, clock, follower);
    }

    /** Whether the task list this writes (the live binding follows a switch) is current ({@link TaskListOrigin}). */
    @Override
    public boolean upToDate() {
        return origin.isCurrent(collections);
    }

    private void ensureIndexes() {
        collections.ensureIndexes(
                TASKS,
                Indexes.ascending("conferenceId", "dueDate"),
                Indexes.ascending("units"),
                Indexes.ascending("conferenceId", RagPolicy.RED_FROM),
                Indexes.ascending("conferenceId", RagPolicy.DUE_AT_WORK),
                Indexes.ascending("conferenceId", RagPolicy.REPORT_SINCE_AT_WORK));
        collections.ensureIndexes(
                HISTORY, Indexes.ascending("taskId", "seq"), Indexes.ascending("conferenceId", "kind", "on"));
    }

    @EventHandler
    public void on(TaskAssignedEvent e, @SequenceNumber long seq) {
        Set<String> units = new LinkedHashSet<>();
        units.add(e.leadUnitCode());
        List<String> coUnits = e.coUnitCodes() == null ? List.of() : e.coUnitCodes();
        units.addAll(coUnits);
        TaskBatch staged = staged();
        staged.update(e.taskId(), seq, t -> {
            t.conferenceId = e.conferenceId();
            t.title = e.title();
            t.source = e.source();
            t.leadUnitCode = e.leadUnitCode();
            t.coUnitCodes = coUnits;
            t.units = new ArrayList<>(units);
            t.dueDate = e.dueDate();
            t.originalDueDate = e.dueDate();
            t.assignedOn = e.assignedOn();
            t.status = TaskStatus.ASSIGNED;
            t.overdueRecorded = false;
        });
        staged.done();
    }

    @EventHandler
    public void on(TaskAcknowledgedEvent e, @SequenceNumber long seq) {
        acknowledge(e.taskId(), seq, e.acknowledgedOn(), false);
    }

    /** 签收 by the lead unit's first report: the same as an acknowledgement, marked as such. */
    @EventHandler
    public void on(TaskAcknowledgedWithFirstReportEvent e, @SequenceNumber long seq) {
        acknowledge(e.taskId(), seq, e.acknowledgedOn(), true);
    }

    private void acknowledge(String taskId, long seq, LocalDate on, boolean withFirstReport) {
        TaskBatch staged = staged();
        staged.update(taskId, seq, t -> {
            if (t.status == TaskStatus.ASSIGNED) {
                t.status = TaskStatus.ACKNOWLEDGED;
            }
            t.acknowledgedOn = on;
            if (withFirstReport) {
                t.acknowledgedWithFirstReport = true;
            }
        });
        staged.done();
    }

    @EventHandler
    public void on(ProgressReportedEvent e, @SequenceNumber long seq) {
        TaskBatch staged = staged();
        staged.history(e.taskId(), seq, e.reportedAt(), new Progress(e.unitCode(), e.percentComplete(), e.summary()));
        staged.latestReport(staged.task(e.taskId()), e);
        staged.update(e.taskId(), seq, t -> {
            if (t.status == null || t.status == TaskStatus.ASSIGNED || t.status == TaskStatus.ACKNOWLEDGED) {
                t.status = TaskStatus.IN_PROGRESS;
            }
            t.lastReportAt = e.reportedAt();
            t.lastReportUnit = e.unitCode();
            t.lastPercent = e.percentComplete();
        });
        staged.done();
    }

    @EventHandler
    public void on(
            TaskUrgedEvent e,
            @SequenceNumber long seq,
            @MetaDataValue("actor") String actor,
            @MetaDataValue("actorRole") String actorRole) {
        TaskBatch staged = staged();
        staged.history(e.taskId(), seq, e.urgedAt(), new Urging(e.note(), actor, actorRole));
        staged.update(e.taskId(), seq, t -> {
            t.urgings++;
            t.lastUrgedAt = e.urgedAt();
        });
        staged.done();
    }

    @EventHandler
    public void on(ExtensionRequestedEvent e, @SequenceNumber long seq) {
        TaskBatch staged = staged();
        staged.history(
                e.taskId(),
                seq,
                e.requestedOn(),
                new ExtensionRequest(e.requestId(), e.unitCode(), e.currentDueDate(), e.newDueDate(), e.reason()));
        staged.done();
    }

    @EventHandler
    public void on(DeadlineExtendedEvent e, @SequenceNumber long seq) {
        TaskBatch staged = staged();
        staged.history(
                e.taskId(),
                seq,
                e.decidedOn(),
                new ExtensionGranted(e.requestId(), e.previousDueDate(), e.newDueDate(), e.note()));
        staged.update(e.taskId(), seq, t -> {
            t.dueDate = e.newDueDate();
            t.originalDueDate = e.originalDueDate();
            t.overdueRecorded = false;
        });
        staged.done();
    }

    @EventHandler
    public void on(ExtensionDeniedEvent e, @SequenceNumber long seq) {
        TaskBatch staged = staged();
        staged.history(e.taskId(), seq, e.decidedOn(), new ExtensionDenied(e.requestId(), e.reason()));
        staged.done();
    }

    @EventHandler
    public void on(CompletionSubmittedEvent e, @SequenceNumber long seq) {
        TaskBatch staged = staged();
        staged.history(e.taskId(), seq, e.submittedOn(), new Completion(e.unitCode(), e.summary(), e.evidence()));
        staged.update(e.taskId(), seq, t -> {
            t.status = TaskStatus.COMPLETION_SUBMITTED;
            t.completionSubmittedOn = e.submittedOn();
        });
        staged.done();
    }

    @EventHandler
    public void on(TaskReturnedEvent e, @SequenceNumber long seq) {
        TaskBatch staged = staged();
        staged.history(e.taskId(), seq, e.returnedOn(), new Returned(e.reason()));
        staged.update(e.taskId(), seq, t -> {
            t.status = TaskStatus.IN_PROGRESS;
            t.completionSubmittedOn = null;
        });
        staged.done();
    }

    @EventHandler
    public void on(TaskClosedEvent e, @SequenceNumber long seq) {
        TaskBatch staged = staged();
        staged.update(e.taskId(), seq, t -> {
            t.status = TaskStatus.CLOSED;
            t.closedOn = e.closedOn();
            t.closeNote = e.note();
            t.completionSubmittedOn = e.completionSubmittedOn();
            t.onTime = e.onTime();
        });
        staged.done();
    }

    @EventHandler
    public void on(TaskBecameOverdueEvent e, @SequenceNumber long seq) {
        TaskBatch staged = staged();
        staged.history(e.taskId(), seq, e.dueDate(), new Overdue(e.dueDate()));
        staged.update(e.taskId(), seq, t -> t.overdueRecorded = true);
        staged.done();
    }

    @ResetHandler
    public void reset() {
        collections().forEach(name -> collections.get(name).drop());
        ensureIndexes();
        origin.record(collections, clock.instant());
    }

    /**
     * This projection's work in the current batch ({@link ProjectionBatch}), or a batch of one written at
     * once when events are not handled in a batch.
     */
    private TaskBatch staged() {
        ProjectionBatch batch = ProjectionBatch.current();
        return batch == null
                ? new TaskBatch(collections, clock.getZone(), moves, true)
                : batch.part(this, () -> new TaskBatch(collections, clock.getZone(), moves, false));
    }
}
