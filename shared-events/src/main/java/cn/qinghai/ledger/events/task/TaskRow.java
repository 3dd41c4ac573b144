package cn.qinghai.ledger.events.task;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A task as the list shows it, with its RAG computed at read time. {@code latestPercent} is the
 * latest percentage reported by any unit; {@code onTime} is known once the task is closed.
 */
public record TaskRow(
        String taskId,
        String conferenceId,
        String title,
        TaskSource.Kind sourceKind,
        String meetingId,
        String decisionId,
        String leadUnitCode,
        String leadUnitName,
        List<String> coUnitCodes,
        LocalDate dueDate,
        LocalDate originalDueDate,
        TaskStatus status,
        RagStatus rag,
        RagReason ragReason,
        boolean overdue,
        Boolean onTime,
        Integer latestPercent,
        OffsetDateTime lastReportAt,
        int urgings) {}
