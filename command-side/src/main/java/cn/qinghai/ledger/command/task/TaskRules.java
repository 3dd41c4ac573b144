package cn.qinghai.ledger.command.task;

/**
 * The supervision rules (督办) of the office's work as the notice gives it — 对联席会议议定事项的跟踪督促落实，
 * 及时收集各成员单位工作任务完成情况 — and of docs/rules.md, by name.
 */
public final class TaskRules {

    /** Every task has exactly one lead unit (牵头单位), an active member unit. */
    public static final String ONE_ACTIVE_LEAD_UNIT = "OneActiveLeadUnit";
    /** Co-units (配合单位) are active member units, each named once, and not the lead unit. */
    public static final String CO_UNITS_ARE_ACTIVE_MEMBER_UNITS = "CoUnitsAreActiveMemberUnits";
    /** Tasks belong to an existing conference that is not dissolved. */
    public static final String TASKS_OF_A_LIVING_CONFERENCE = "TasksOfALivingConference";
    /**
     * Office practice: a task is not overdue on the day it is assigned. A direct instruction is not due before
     * the day it is given; a task of an agreed matter is not due before the meeting, nor before the day its
     * minutes are issued (签发后印发: issuing assigns it). A major matter's tasks, assigned when the approval
     * is recorded, are not refused: the approval is recorded as it came.
     */
    public static final String DUE_DATE_NOT_BEFORE_ASSIGNMENT = "DueDateNotBeforeAssignment";
    /** A task id names one task, ever. */
    public static final String TASK_ID_UNIQUE = "TaskIdUnique";
    /**
     * Only the lead unit acknowledges receipt (签收), once. Office practice: 签收 is not skipped silently — the
     * lead unit's first progress report on a task it has not acknowledged acknowledges it on the report's day
     * (docs/adr/0014-the-first-report-acknowledges.md); a co-unit's report does not.
     */
    public static final String LEAD_UNIT_ACKNOWLEDGES_ONCE = "LeadUnitAcknowledgesOnce";
    /** 及时收集各成员单位工作任务完成情况: only the lead unit or a co-unit reports progress. */
    public static final String ONLY_ASSIGNED_UNITS_REPORT = "OnlyAssignedUnitsReport";
    /** A unit's percent complete never goes down, except after the task was returned. */
    public static final String PROGRESS_NEVER_GOES_DOWN = "ProgressNeverGoesDown";
    /** While a completion awaits the office's decision there is nothing to report or change. */
    public static final String COMPLETION_AWAITS_DECISION = "CompletionAwaitsOfficeDecision";
    /** Only the lead unit submits completion. */
    public static final String LEAD_UNIT_SUBMITS_COMPLETION = "LeadUnitSubmitsCompletion";
    /**
     * Office practice: 办结 means done. The lead unit submits completion, and the office closes the task
     * (销号), only when the lead unit's latest progress report says 100 %; the submission does not record
     * the 100 % itself (docs/rules.md).
     */
    public static final String COMPLETION_MEANS_ONE_HUNDRED_PERCENT = "CompletionMeansOneHundredPercent";
    /** Only the lead unit asks for more time. */
    public static final String LEAD_UNIT_REQUESTS_EXTENSION = "LeadUnitRequestsExtension";
    /** An extension is requested no later than the due date, with a reason. */
    public static final String EXTENSION_BEFORE_DUE_DATE = "ExtensionRequestedBeforeDueDate";
    /** An extension moves the due date later. */
    public static final String EXTENSION_MOVES_DUE_DATE_LATER = "ExtensionMovesDueDateLater";
    /** One extension request at a time; each is decided once. */
    public static final String ONE_PENDING_EXTENSION = "OnePendingExtensionRequest";
    /** The extension request named exists. */
    public static final String KNOWN_EXTENSION_REQUEST = "KnownExtensionRequest";
    /** 销号 and 退回重办 decide a submitted completion. */
    public static final String DECIDE_ONLY_SUBMITTED_COMPLETION = "OfficeDecidesOnlySubmittedCompletion";
    /** A closed task refuses everything. */
    public static final String CLOSED_TASK_REFUSES = "ClosedTaskRefusesCommands";

    private TaskRules() {
    }
}
