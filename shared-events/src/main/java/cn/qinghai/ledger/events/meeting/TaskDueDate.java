package cn.qinghai.ledger.events.meeting;

import java.time.LocalDate;

/** The due date (完成时限) of task {@code taskId} of an agreed matter. */
public record TaskDueDate(String taskId, LocalDate dueDate) {}
