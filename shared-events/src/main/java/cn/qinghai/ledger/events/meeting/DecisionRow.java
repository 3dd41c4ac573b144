package cn.qinghai.ledger.events.meeting;

import cn.qinghai.ledger.events.task.TaskStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * One agreed matter followed to its end: meeting → minutes (the 文号 of the version that first issued
 * it) → matter → approval → tasks (their live status) → closure. {@code allTasksClosed} is true when
 * the matter gives tasks and every one of them is closed (销号).
 */
public record DecisionRow(
        String conferenceId,
        String meetingId,
        String meetingTopic,
        MeetingKind meetingKind,
        LocalDate meetingDate,
        Integer minutesVersion,
        String minutesDocumentNo,
        LocalDate minutesIssuedOn,
        String decisionId,
        String matter,
        boolean major,
        ApprovalState approval,
        List<Task> tasks,
        int tasksClosed,
        boolean allTasksClosed) {

    /**
     * A task the matter gives. {@code status} is null while the task is not assigned yet (minutes not
     * issued, or a major matter not approved); {@code onTime} is known once it is closed.
     */
    public record Task(
            String taskId,
            String title,
            String leadUnitCode,
            String leadUnitName,
            LocalDate dueDate,
            TaskStatus status,
            boolean closed,
            Boolean onTime) {}
}
