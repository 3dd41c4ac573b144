package cn.qinghai.ledger.events.task;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One supervised task (督办事项) in full: its source, lead unit (牵头单位) and co-units (配合单位), due
 * dates, status and RAG (computed at read time), each unit's latest percentage, the progress history
 * (进展), urgings (催办), extension requests (延期), the completion submitted (办结报告), returns
 * (退回重办) and the closure (销号). {@code version} is the task's version (the sequence number of its
 * latest event) as far as this read model has applied it: send it back as {@code If-Match} so that a
 * command on a task that changed meanwhile is refused (409) rather than applied to what nobody read.
 * {@code uncoveredCalendarYears}: the years from assignment to due date whose holiday arrangement the
 * working calendar does not hold, so that its working days there are counted Monday to Friday (empty
 * when every year is covered); the task page shows a warning.
 */
public record TaskView(
        String taskId,
        String conferenceId,
        String title,
        TaskSource source,
        Unit lead,
        List<Unit> coUnits,
        LocalDate assignedOn,
        LocalDate acknowledgedOn,
        boolean acknowledgedWithFirstReport,
        LocalDate dueDate,
        LocalDate originalDueDate,
        TaskStatus status,
        RagStatus rag,
        RagReason ragReason,
        boolean overdue,
        List<UnitPercent> latestPercents,
        List<Progress> progress,
        List<Urging> urgings,
        List<Extension> extensions,
        Completion completion,
        List<Return> returns,
        Closure closure,
        long version,
        List<Integer> uncoveredCalendarYears) {

    /** This view with other extension requests (e.g. with reasons the reader may not see withheld). */
    public TaskView withExtensions(List<Extension> replaced) {
        return new TaskView(
                taskId,
                conferenceId,
                title,
                source,
                lead,
                coUnits,
                assignedOn,
                acknowledgedOn,
                acknowledgedWithFirstReport,
                dueDate,
                originalDueDate,
                status,
                rag,
                ragReason,
                overdue,
                latestPercents,
                progress,
                urgings,
                replaced,
                completion,
                returns,
                closure,
                version,
                uncoveredCalendarYears);
    }

    /** A unit by code, with its name from the roster (null when the roster does not know it). */
    public record Unit(String unitCode, String name) {}

    /** The latest percentage a unit reported, and when. */
    public record UnitPercent(String unitCode, String unitName, int percentComplete, OffsetDateTime reportedAt) {}

    public record Progress(
            String unitCode, String unitName, int percentComplete, String summary, OffsetDateTime reportedAt) {}

    /** One urging (催办): the note, when, and who urged (the account and its role, from the command's metadata). */
    public record Urging(String note, OffsetDateTime urgedAt, String urgedBy, String urgedByRole) {}

    /** A request for a later due date and, once decided, the answer. */
    public record Extension(
            String requestId,
            String unitCode,
            LocalDate currentDueDate,
            LocalDate newDueDate,
            String reason,
            LocalDate requestedOn,
            ExtensionState state,
            String decisionNote,
            LocalDate decidedOn) {}

    /** The latest completion submitted; null when none is (or a return set it aside). */
    public record Completion(String unitCode, String summary, List<String> evidence, LocalDate submittedOn) {}

    public record Return(String reason, LocalDate returnedOn) {}

    /** Null while the task is open. */
    public record Closure(LocalDate closedOn, String note, LocalDate completionSubmittedOn, boolean onTime) {}
}
