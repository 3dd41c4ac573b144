package cn.qinghai.ledger.command.task;

import static cn.qinghai.ledger.command.task.TaskRules.*;
import static cn.qinghai.ledger.events.RuleViolatedException.conflict;
import static cn.qinghai.ledger.events.RuleViolatedException.notFound;
import static cn.qinghai.ledger.events.RuleViolatedException.rule;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.qinghai.ledger.command.lookup.RosterLookup;
import cn.qinghai.ledger.events.task.*;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * 督办事项 — a task the office follows until it is closed (销号). One lead unit, any co-units, a due
 * date watched by a persistent deadline (lateness becomes {@link TaskBecameOverdueEvent}), progress
 * reported by the units for themselves, urgings, extensions, completion by the lead unit, and the
 * office's closure or return. A closed task refuses everything.
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
@Aggregate(commandTargetResolver = "versionedCommandTargetResolver")
public class Task {

    @AggregateIdentifier
    private String taskId;

    private String conferenceId;
    private String leadUnitCode;
    private Set<String> coUnitCodes = new HashSet<>();
    private LocalDate dueDate;
    private LocalDate originalDueDate;
    private TaskStatus status;
    private boolean overdue;
    /** 签收 recorded, or the lead unit has reported (which, since the first report acknowledges, implies it). */
    private boolean acknowledged;

    private LocalDate completionSubmittedOn;
    private final Map<String, Integer> percentByUnit = new HashMap<>();
    private final Map<String, LocalDate> pendingExtension = new HashMap<>();
    private final Set<String> usedRequestIds = new HashSet<>();

    protected Task() {
        // for Axon
    }

    /**
     * Assigns a task: by the office as a direct instruction, or from an agreed matter when its minutes
     * are issued (or, for a major matter, when it is approved) — see the Meeting aggregate.
     */
    @CommandHandler
    public Task(
            AssignTaskCommand command, RosterLookup roster, DeadlineManager deadlineManager, TaskDeadlines deadlines) {
        checkAssignment(command, roster);
        if (command.source().kind() == TaskSource.Kind.DIRECT_INSTRUCTION
                && command.dueDate().isBefore(command.assignedOn())) {
            throw rule(
                    DUE_DATE_NOT_BEFORE_ASSIGNMENT,
                    "due date " + command.dueDate() + " is before the assignment (" + command.assignedOn() + ")");
        }
        assign(command, deadlineManager, deadlines);
    }

    /** Creates a task from an agreed matter, inside the Meeting's unit of work (rules already checked). */
    public static Task fromDecision(
            AssignTaskCommand command, RosterLookup roster, DeadlineManager deadlineManager, TaskDeadlines deadlines) {
        checkAssignment(command, roster);
        Task task = new Task();
        task.assign(command, deadlineManager, deadlines);
        return task;
    }

    private void assign(AssignTaskCommand c, DeadlineManager deadlineManager, TaskDeadlines deadlines) {
        apply(new TaskAssignedEvent(
                c.taskId(),
                c.conferenceId(),
                c.title(),
                c.leadUnitCode(),
                List.copyOf(new LinkedHashSet<>(c.coUnitCodes())),
                c.dueDate(),
                c.source(),
                c.assignedOn()));
        deadlineManager.schedule(deadlines.overdueAt(c.dueDate()), TaskDeadlines.OVERDUE, c.dueDate());
    }

    /** The assignment rules shared by direct instructions and decisions. */
    public static void checkAssignment(AssignTaskCommand c, RosterLookup roster) {
        if (!roster.conferenceExists(c.conferenceId()) || roster.isDissolved(c.conferenceId())) {
            throw rule(
                    TASKS_OF_A_LIVING_CONFERENCE, "conference " + c.conferenceId() + " does not exist or is dissolved");
        }
        if (c.leadUnitCode() == null || !roster.isActiveUnit(c.conferenceId(), c.leadUnitCode())) {
            throw rule(ONE_ACTIVE_LEAD_UNIT, "the lead unit " + c.leadUnitCode() + " is not an active member unit");
        }
        Set<String> seen = new HashSet<>();
        for (String co : c.coUnitCodes()) {
            if (co.equals(c.leadUnitCode()) || !seen.add(co) || !roster.isActiveUnit(c.conferenceId(), co)) {
                throw rule(
                        CO_UNITS_ARE_ACTIVE_MEMBER_UNITS,
                        "co-unit " + co + " must be an active member unit, named once, other than the lead unit");
            }
        }
        if (roster.taskExists(c.taskId())) {
            throw conflict(TASK_ID_UNIQUE, "task " + c.taskId() + " already exists");
        }
    }

    @CommandHandler
    public void handle(AcknowledgeTaskCommand command, ConflictResolver conflicts) {
        conflicts.detectConflicts(TaskConflicts.ACKNOWLEDGE);
        refuseIfClosed();
        if (!leadUnitCode.equals(command.unitCode()) || acknowledged) {
            throw rule(
                    LEAD_UNIT_ACKNOWLEDGES_ONCE,
                    "only the lead unit " + leadUnitCode + " acknowledges the task, once, before reporting");
        }
        apply(new TaskAcknowledgedEvent(taskId, command.unitCode(), command.acknowledgedOn()));
    }

    @CommandHandler
    public void handle(ReportProgressCommand command, ConflictResolver conflicts) {
        conflicts.detectConflicts(TaskConflicts.reportBy(command.unitCode()));
        refuseIfClosed();
        refuseWhileCompletionAwaitsDecision();
        if (!leadUnitCode.equals(command.unitCode()) && !coUnitCodes.contains(command.unitCode())) {
            throw rule(
                    ONLY_ASSIGNED_UNITS_REPORT,
                    "unit " + command.unitCode() + " is neither the lead unit nor a co-unit");
        }
        int before = percentByUnit.getOrDefault(command.unitCode(), 0);
        if (command.percentComplete() < before) {
            throw rule(
                    PROGRESS_NEVER_GOES_DOWN,
                    "unit " + command.unitCode() + " reported " + before
                            + "% before; progress does not go down (except after a return)");
        }
        if (leadUnitCode.equals(command.unitCode()) && !acknowledged) {
            // 签收 is not skipped silently: the lead unit's first report acknowledges the task, on its day.
            apply(new TaskAcknowledgedWithFirstReportEvent(
                    taskId, command.unitCode(), command.reportedAt().toLocalDate()));
        }
        apply(new ProgressReportedEvent(
                taskId, command.unitCode(), command.percentComplete(), command.summary(), command.reportedAt()));
    }

    @CommandHandler
    public void handle(UrgeTaskCommand command, ConflictResolver conflicts) {
        conflicts.detectConflicts(TaskConflicts.URGE);
        refuseIfClosed();
        apply(new TaskUrgedEvent(taskId, command.note(), command.urgedAt()));
    }

    @CommandHandler
    public void handle(RequestExtensionCommand command, ConflictResolver conflicts) {
        conflicts.detectConflicts(TaskConflicts.REQUEST_EXTENSION);
        refuseIfClosed();
        refuseWhileCompletionAwaitsDecision();
        if (!leadUnitCode.equals(command.unitCode())) {
            throw rule(LEAD_UNIT_REQUESTS_EXTENSION, "only the lead unit " + leadUnitCode + " asks for an extension");
        }
        if (command.requestedOn().isAfter(dueDate)) {
            throw rule(
                    EXTENSION_BEFORE_DUE_DATE,
                    "an extension is asked for by the due date (" + dueDate + "), not on " + command.requestedOn());
        }
        if (!command.newDueDate().isAfter(dueDate)) {
            throw rule(
                    EXTENSION_MOVES_DUE_DATE_LATER,
                    "the new due date " + command.newDueDate() + " is not after the current one (" + dueDate + ")");
        }
        if (!pendingExtension.isEmpty() || usedRequestIds.contains(command.requestId())) {
            throw conflict(
                    ONE_PENDING_EXTENSION,
                    usedRequestIds.contains(command.requestId())
                            ? "extension request " + command.requestId() + " already exists"
                            : "an extension request is already waiting for the office's decision");
        }
        apply(new ExtensionRequestedEvent(
                taskId,
                command.requestId(),
                command.unitCode(),
                dueDate,
                command.newDueDate(),
                command.reason(),
                command.requestedOn()));
    }

    @CommandHandler
    public void handle(
            GrantExtensionCommand command,
            DeadlineManager deadlineManager,
            TaskDeadlines deadlines,
            ConflictResolver conflicts) {
        conflicts.detectConflicts(TaskConflicts.DECIDE_EXTENSION);
        refuseIfClosed();
        LocalDate newDueDate = pendingExtension(command.requestId());
        apply(new DeadlineExtendedEvent(
                taskId,
                command.requestId(),
                originalDueDate,
                dueDate,
                newDueDate,
                command.note(),
                command.decidedOn()));
        deadlineManager.cancelAllWithinScope(TaskDeadlines.OVERDUE);
        deadlineManager.schedule(deadlines.overdueAt(newDueDate), TaskDeadlines.OVERDUE, newDueDate);
    }

    @CommandHandler
    public void handle(DenyExtensionCommand command, ConflictResolver conflicts) {
        conflicts.detectConflicts(TaskConflicts.DECIDE_EXTENSION);
        refuseIfClosed();
        pendingExtension(command.requestId());
        apply(new ExtensionDeniedEvent(taskId, command.requestId(), command.reason(), command.decidedOn()));
    }

    @CommandHandler
    public void handle(SubmitCompletionCommand command, ConflictResolver conflicts) {
        conflicts.detectConflicts(TaskConflicts.SUBMIT_COMPLETION);
        refuseIfClosed();
        refuseWhileCompletionAwaitsDecision();
        if (!leadUnitCode.equals(command.unitCode())) {
            throw rule(LEAD_UNIT_SUBMITS_COMPLETION, "only the lead unit " + leadUnitCode + " submits completion");
        }
        leadUnitAtOneHundredPercent("submitted");
        apply(new CompletionSubmittedEvent(
                taskId, command.unitCode(), command.summary(), command.evidence(), command.submittedOn()));
    }

    @CommandHandler
    public void handle(CloseTaskCommand command, DeadlineManager deadlineManager, ConflictResolver conflicts) {
        conflicts.detectConflicts(TaskConflicts.CLOSE_OR_RETURN);
        refuseIfClosed();
        onlySubmittedCompletionIsDecided();
        leadUnitAtOneHundredPercent("closed (销号)");
        boolean onTime = !completionSubmittedOn.isAfter(dueDate);
        apply(new TaskClosedEvent(taskId, command.note(), command.closedOn(), dueDate, completionSubmittedOn, onTime));
        deadlineManager.cancelAllWithinScope(TaskDeadlines.OVERDUE);
    }

    @CommandHandler
    public void handle(ReturnTaskCommand command, ConflictResolver conflicts) {
        conflicts.detectConflicts(TaskConflicts.CLOSE_OR_RETURN);
        refuseIfClosed();
        onlySubmittedCompletionIsDecided();
        apply(new TaskReturnedEvent(taskId, command.reason(), command.returnedOn()));
        if (command.returnedOn().isAfter(dueDate) && !overdue) {
            // The deadline passed while the completion was under review: returned work is late work.
            apply(new TaskBecameOverdueEvent(taskId, conferenceId, leadUnitCode, dueDate));
        }
    }

    /** The due date passed. Not twice for one due date, not for a closed task or one awaiting closure. */
    @DeadlineHandler(deadlineName = TaskDeadlines.OVERDUE)
    void onDueDatePassed(LocalDate scheduledFor) {
        if (status == TaskStatus.CLOSED
                || status == TaskStatus.COMPLETION_SUBMITTED
                || overdue
                || !scheduledFor.equals(dueDate)) {
            return;
        }
        apply(new TaskBecameOverdueEvent(taskId, conferenceId, leadUnitCode, dueDate));
    }

    // ---- named rules -------------------------------------------------------------------------

    private void refuseIfClosed() {
        if (status == TaskStatus.CLOSED) {
            throw conflict(CLOSED_TASK_REFUSES, "task " + taskId + " is closed (销号)");
        }
    }

    private void refuseWhileCompletionAwaitsDecision() {
        if (status == TaskStatus.COMPLETION_SUBMITTED) {
            throw conflict(
                    COMPLETION_AWAITS_DECISION,
                    "the completion of task " + taskId + " awaits the office's decision (销号 or 退回)");
        }
    }

    private void leadUnitAtOneHundredPercent(String what) {
        int lead = percentByUnit.getOrDefault(leadUnitCode, 0);
        if (lead < 100) {
            throw rule(
                    COMPLETION_MEANS_ONE_HUNDRED_PERCENT,
                    "the lead unit " + leadUnitCode + " last reported " + lead + "%; a task is " + what
                            + " only once its lead unit reports 100%");
        }
    }

    private void onlySubmittedCompletionIsDecided() {
        if (status != TaskStatus.COMPLETION_SUBMITTED) {
            throw conflict(
                    DECIDE_ONLY_SUBMITTED_COMPLETION,
                    "task " + taskId + " has no completion to decide on (" + status + ")");
        }
    }

    private LocalDate pendingExtension(String requestId) {
        LocalDate newDueDate = pendingExtension.get(requestId);
        if (newDueDate == null) {
            if (usedRequestIds.contains(requestId)) {
                throw conflict(ONE_PENDING_EXTENSION, "extension request " + requestId + " was already decided");
            }
            throw notFound(KNOWN_EXTENSION_REQUEST, "no extension request " + requestId + " on task " + taskId);
        }
        return newDueDate;
    }

    // ---- state -------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(TaskAssignedEvent e) {
        taskId = e.taskId();
        conferenceId = e.conferenceId();
        leadUnitCode = e.leadUnitCode();
        coUnitCodes = new HashSet<>(e.coUnitCodes());
        dueDate = e.dueDate();
        originalDueDate = e.dueDate();
        status = TaskStatus.ASSIGNED;
    }

    @EventSourcingHandler
    void on(TaskAcknowledgedEvent e) {
        acknowledge();
    }

    @EventSourcingHandler
    void on(TaskAcknowledgedWithFirstReportEvent e) {
        acknowledge();
    }

    private void acknowledge() {
        acknowledged = true;
        if (status == TaskStatus.ASSIGNED) {
            status = TaskStatus.ACKNOWLEDGED; // a co-unit may have reported first: the task is then in progress
        }
    }

    @EventSourcingHandler
    void on(ProgressReportedEvent e) {
        percentByUnit.put(e.unitCode(), e.percentComplete());
        if (e.unitCode().equals(leadUnitCode)) {
            acknowledged = true; // reports stored before the first report acknowledged: not acknowledged afresh
        }
        if (status == TaskStatus.ASSIGNED || status == TaskStatus.ACKNOWLEDGED) {
            status = TaskStatus.IN_PROGRESS;
        }
    }

    @EventSourcingHandler
    void on(ExtensionRequestedEvent e) {
        usedRequestIds.add(e.requestId());
        pendingExtension.put(e.requestId(), e.newDueDate());
    }

    @EventSourcingHandler
    void on(DeadlineExtendedEvent e) {
        pendingExtension.remove(e.requestId());
        dueDate = e.newDueDate();
        overdue = false;
    }

    @EventSourcingHandler
    void on(ExtensionDeniedEvent e) {
        pendingExtension.remove(e.requestId());
    }

    @EventSourcingHandler
    void on(CompletionSubmittedEvent e) {
        status = TaskStatus.COMPLETION_SUBMITTED;
        completionSubmittedOn = e.submittedOn();
    }

    @EventSourcingHandler
    void on(TaskReturnedEvent e) {
        status = TaskStatus.IN_PROGRESS;
        completionSubmittedOn = null;
        percentByUnit.clear(); // after 退回重办 the units report afresh, lower if need be
    }

    @EventSourcingHandler
    void on(TaskClosedEvent e) {
        status = TaskStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(TaskBecameOverdueEvent e) {
        overdue = true;
    }
}
