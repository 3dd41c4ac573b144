package cn.qinghai.ledger.command.task;

import cn.qinghai.ledger.events.RuleSource;

/**
 * The supervision rules (督办) by name. The notice gives the office the work — 对联席会议议定事项的跟踪督促落实，
 * 及时收集各成员单位工作任务完成情况 — but not its rules: lead and co-units, acknowledgement, progress reports,
 * extensions and closure are the office's working practice, and each constant says so ({@link RuleSource})
 * beside what it refuses (its Javadoc). docs/rules-generated.md is the table of them.
 */
public final class TaskRules {

    /** A task whose lead unit (牵头单位) is missing or not an active member unit. */
    @RuleSource(
            practice = "one unit answers for each task (牵头), so the office knows whom to urge and who submits "
                    + "completion")
    public static final String ONE_ACTIVE_LEAD_UNIT = "OneActiveLeadUnit";
    /** Co-units (配合单位) that are not active member units, are named twice, or include the lead unit. */
    @RuleSource(practice = "co-units (配合) help the lead unit; each is a member unit the office can collect from")
    public static final String CO_UNITS_ARE_ACTIVE_MEMBER_UNITS = "CoUnitsAreActiveMemberUnits";
    /** A task for a conference that does not exist or is dissolved. */
    @RuleSource(practice = "a dissolved conference gives no tasks; the ledger records nothing after its end")
    public static final String TASKS_OF_A_LIVING_CONFERENCE = "TasksOfALivingConference";
    /**
     * A task due before it is assigned: a direct instruction due before the day it is given; a task of an agreed
     * matter due before the meeting, or before the day its minutes are issued (issuing assigns it). A major
     * matter's tasks, assigned when the approval is recorded, are not refused: the approval is recorded as it came.
     */
    @RuleSource(practice = "a task due before it was given would be overdue from its first day")
    public static final String DUE_DATE_NOT_BEFORE_ASSIGNMENT = "DueDateNotBeforeAssignment";
    /** A task under an id already used. */
    @RuleSource(practice = "a task id names one task, ever, so a retried request assigns nothing twice")
    public static final String TASK_ID_UNIQUE = "TaskIdUnique";
    /**
     * Acknowledgement (签收) by anyone but the lead unit, or a second one. 签收 is not skipped silently: the lead
     * unit's first progress report on a task it has not acknowledged acknowledges it on the report's day
     * (docs/adr/0015-the-first-report-acknowledges.md); a co-unit's report does not.
     */
    @RuleSource(practice = "the lead unit confirms once that it received the task, so the office knows it arrived")
    public static final String LEAD_UNIT_ACKNOWLEDGES_ONCE = "LeadUnitAcknowledgesOnce";
    /** A progress report from a unit that is neither the lead unit nor a co-unit. */
    @RuleSource(
            practice = "the office collects progress (及时收集各成员单位工作任务完成情况 is its duty) from the units "
                    + "that work on the task, each for itself")
    public static final String ONLY_ASSIGNED_UNITS_REPORT = "OnlyAssignedUnitsReport";
    /** A unit's percent complete going down, except after the task was returned. */
    @RuleSource(
            practice = "a report states what is done; a lower figure means an earlier report was wrong, which "
                    + "the office learns by returning the task (退回重办)")
    public static final String PROGRESS_NEVER_GOES_DOWN = "ProgressNeverGoesDown";
    /** Reports, extensions or changes while a completion awaits the office's decision. */
    @RuleSource(practice = "once completion is submitted the office has the next move (销号 or 退回重办)")
    public static final String COMPLETION_AWAITS_DECISION = "CompletionAwaitsOfficeDecision";
    /** Completion submitted by anyone but the lead unit. */
    @RuleSource(practice = "the lead unit answers for the task as a whole, co-units included")
    public static final String LEAD_UNIT_SUBMITS_COMPLETION = "LeadUnitSubmitsCompletion";
    /** Completion submitted, or a task closed (销号), while the lead unit's latest report is below 100 %. */
    @RuleSource(
            practice = "办结 means done: the lead unit reports 100 % before it submits completion, so the report "
                    + "that says so is on record; the submission does not record the 100 % itself")
    public static final String COMPLETION_MEANS_ONE_HUNDRED_PERCENT = "CompletionMeansOneHundredPercent";
    /** An extension asked for by anyone but the lead unit. */
    @RuleSource(practice = "the lead unit answers for the task's due date")
    public static final String LEAD_UNIT_REQUESTS_EXTENSION = "LeadUnitRequestsExtension";
    /** An extension asked for after the due date. */
    @RuleSource(
            practice = "more time is asked for in time, with a reason; after the due date the task is overdue "
                    + "and stays on record as such")
    public static final String EXTENSION_BEFORE_DUE_DATE = "ExtensionRequestedBeforeDueDate";
    /** An extension whose new due date is not later than the current one. */
    @RuleSource(practice = "an extension gives more time; the original due date stays on record")
    public static final String EXTENSION_MOVES_DUE_DATE_LATER = "ExtensionMovesDueDateLater";
    /** A second extension request while one is pending, a reused request id, or deciding a request twice. */
    @RuleSource(practice = "the office decides one request at a time, each once")
    public static final String ONE_PENDING_EXTENSION = "OnePendingExtensionRequest";
    /** A decision on an extension request the task does not have. */
    @RuleSource(practice = "a command acts on something that exists; the answer says what was not found")
    public static final String KNOWN_EXTENSION_REQUEST = "KnownExtensionRequest";
    /** Closing (销号) or returning (退回重办) a task whose completion was not submitted. */
    @RuleSource(practice = "the office closes or returns what the lead unit submitted as complete, nothing else")
    public static final String DECIDE_ONLY_SUBMITTED_COMPLETION = "OfficeDecidesOnlySubmittedCompletion";
    /** Any command to a closed task. */
    @RuleSource(practice = "a closed task (销号) is final; new work is a new task")
    public static final String CLOSED_TASK_REFUSES = "ClosedTaskRefusesCommands";

    private TaskRules() {}
}
