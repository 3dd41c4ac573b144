package cn.qinghai.ledger.query.tasklist;

import cn.qinghai.ledger.platform.security.Caller;
import cn.qinghai.ledger.query.platform.ReasonVisibility;
import cn.qinghai.ledger.events.Ids;
import cn.qinghai.ledger.events.task.*;
import cn.qinghai.ledger.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The task list (督办事项清单) with RAG, and one task in full (docs/api.md, query side). */
@RestController
@Validated
@Tag(name = "tasks", description = "督办事项: list with RAG (红黄绿灯), detail with progress, urgings, extensions")
class TaskListController {

    private final QueryGateway queries;

    TaskListController(QueryGateway queries) {
        this.queries = queries;
    }

    /** {@code unit} matches the lead unit or a co-unit; {@code dueBefore} keeps tasks due strictly before it. */
    @GetMapping("/api/tasks")
    TaskList tasks(@RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String conferenceId,
                   @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String unit,
                   @RequestParam(required = false) TaskStatus status,
                   @RequestParam(required = false) RagStatus rag,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
                   @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                   @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return queries.query(new FindTasksQuery(conferenceId, unit, status, rag, dueBefore, page, size),
                TaskList.class).join();
    }

    @GetMapping("/api/tasks/{tid}")
    TaskView task(@PathVariable("tid") @Pattern(regexp = Ids.PATTERN) String tid) {
        return queries.query(new FindTaskQuery(tid), ResponseTypes.optionalInstanceOf(TaskView.class)).join()
                .map(view -> ReasonVisibility.forCaller(view, Caller.current()))
                .orElseThrow(() -> new NotFoundException("no task " + tid));
    }
}
