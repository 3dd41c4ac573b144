package cn.qinghai.ledger.events.task;

import java.time.LocalDate;

/**
 * The task list (督办事项清单), one page, ordered by due date. Every filter may be null:
 * {@code unitCode} matches the lead unit or a co-unit; {@code dueBefore} keeps tasks due strictly
 * before that date; {@code rag} is computed at read time.
 */
public record FindTasksQuery(
        String conferenceId,
        String unitCode,
        TaskStatus status,
        RagStatus rag,
        LocalDate dueBefore,
        int page,
        int size) {}
