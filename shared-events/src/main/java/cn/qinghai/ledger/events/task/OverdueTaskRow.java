package cn.qinghai.ledger.events.task;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A task overdue at the end of the circular's period, and by how many working days. */
public record OverdueTaskRow(
        String taskId,
        String conferenceId,
        String title,
        String leadUnitCode,
        String leadUnitName,
        LocalDate dueDate,
        int overdueWorkingDays,
        TaskStatus status,
        OffsetDateTime lastReportAt) {}
