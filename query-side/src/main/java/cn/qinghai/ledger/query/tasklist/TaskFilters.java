package cn.qinghai.ledger.query.tasklist;

import cn.qinghai.ledger.events.Ids;
import cn.qinghai.ledger.events.task.FindTasksQuery;
import cn.qinghai.ledger.events.task.RagStatus;
import cn.qinghai.ledger.events.task.TaskStatus;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The task list's filters as the query string gives them, bound alike for the list ({@code GET
 * /api/tasks}) and its export (督办台账), so that both select the same tasks: {@code unit} matches the
 * lead unit or a co-unit; {@code dueBefore} keeps tasks due strictly before it. Each may be absent.
 */
record TaskFilters(
        @Pattern(regexp = Ids.PATTERN) String conferenceId,
        @Pattern(regexp = Ids.PATTERN) String unit,
        TaskStatus status,
        RagStatus rag,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore) {

    /** Page {@code page} of {@code size} tasks matching these filters. */
    FindTasksQuery page(int page, int size) {
        return new FindTasksQuery(conferenceId, unit, status, rag, dueBefore, page, size);
    }
}
