package cn.qinghai.ledger.query.tasklist;

import cn.qinghai.ledger.events.task.TaskSource;
import cn.qinghai.ledger.events.task.TaskStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A task being changed by one event of the tasks projection: a mutable copy of its {@link TaskRecord}
 * that the handler sets what the event says on, then turned back into a record with its RAG dates
 * ({@link #record}). Never stored as such.
 */
final class TaskDraft {

    final String taskId;
    String conferenceId;
    String title;
    TaskSource source;
    String leadUnitCode;
    List<String> coUnitCodes = List.of();
    List<String> units = List.of();
    LocalDate assignedOn;
    LocalDate acknowledgedOn;
    boolean acknowledgedWithFirstReport;
    LocalDate dueDate;
    LocalDate originalDueDate;
    TaskStatus status;
    OffsetDateTime lastReportAt;
    String lastReportUnit;
    Integer lastPercent;
    int urgings;
    OffsetDateTime lastUrgedAt;
    LocalDate completionSubmittedOn;
    LocalDate closedOn;
    Boolean onTime;
    String closeNote;
    boolean overdueRecorded;

    /** A task not seen before. */
    TaskDraft(String taskId) {
        this.taskId = taskId;
    }

    /** A copy of {@code task} (its pending change and RAG dates are not copied: {@link #record} sets them). */
    TaskDraft(TaskRecord task) {
        this(task.taskId());
        conferenceId = task.conferenceId();
        title = task.title();
        source = task.source();
        leadUnitCode = task.leadUnitCode();
        coUnitCodes = task.coUnitCodes();
        units = task.units();
        assignedOn = task.assignedOn();
        acknowledgedOn = task.acknowledgedOn();
        acknowledgedWithFirstReport = task.acknowledgedWithFirstReport();
        dueDate = task.dueDate();
        originalDueDate = task.originalDueDate();
        status = task.status();
        lastReportAt = task.lastReportAt();
        lastReportUnit = task.lastReportUnit();
        lastPercent = task.lastPercent();
        urgings = task.urgings();
        lastUrgedAt = task.lastUrgedAt();
        completionSubmittedOn = task.completionSubmittedOn();
        closedOn = task.closedOn();
        onTime = task.onTime();
        closeNote = task.closeNote();
        overdueRecorded = task.overdueRecorded();
    }

    /** The task as changed, at event {@code seq}, with the dates a RAG filter selects by in {@code zone}. */
    TaskRecord record(long seq, ZoneId zone) {
        TaskRecord undated = record(seq, null, null, null, null);
        RagPolicy.RagDates dates = RagPolicy.datesOf(undated, zone);
        return record(seq, dates.redFrom(), dates.dueAtWork(), dates.reportSinceAtWork(), null);
    }

    /** The task as it stands, with these RAG dates and pending change, at event {@code seq}. */
    TaskRecord record(
            long seq,
            LocalDate redFrom,
            LocalDate dueAtWork,
            LocalDate reportSinceAtWork,
            TaskRecord.PendingChange pendingChange) {
        return new TaskRecord(
                taskId,
                conferenceId,
                title,
                source,
                leadUnitCode,
                coUnitCodes,
                units,
                assignedOn,
                acknowledgedOn,
                acknowledgedWithFirstReport,
                dueDate,
                originalDueDate,
                status,
                lastReportAt,
                lastReportUnit,
                lastPercent,
                urgings,
                lastUrgedAt,
                completionSubmittedOn,
                closedOn,
                onTime,
                closeNote,
                overdueRecorded,
                redFrom,
                dueAtWork,
                reportSinceAtWork,
                pendingChange,
                seq);
    }
}
