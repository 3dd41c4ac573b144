package cn.qinghai.ledger.query.tasklist;

import cn.qinghai.ledger.events.Ids;
import cn.qinghai.ledger.events.task.*;
import cn.qinghai.ledger.platform.security.Caller;
import cn.qinghai.ledger.platform.web.NotFoundException;
import cn.qinghai.ledger.query.platform.ReasonVisibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The task list (督办事项清单) with RAG, its export (督办台账), and one task in full (docs/api.md, query side). */
@RestController
@Validated
@Tag(name = "tasks", description = "督办事项: list with RAG (红黄绿灯), detail with progress, urgings, extensions")
class TaskListController {

    private static final int EXPORT_PAGE = 500;

    private final QueryGateway queries;
    private final Clock clock;

    TaskListController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** Filters as {@link TaskFilters} binds them, one page ordered by due date. */
    @GetMapping("/api/tasks")
    TaskList tasks(
            @Valid @ParameterObject TaskFilters filters,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return queries.query(filters.page(page, size), TaskList.class).join();
    }

    /**
     * The supervision ledger (督办台账) of every task the same filters select, in the list's order, as a
     * file to print: CSV (UTF-8 with BOM) or an Excel workbook. Read by whoever may read the list.
     */
    @GetMapping("/api/tasks/export")
    @Operation(summary = "督办台账 as CSV or Excel", description = "the task list's filters; format=csv|xlsx")
    ResponseEntity<byte[]> export(
            @Valid @ParameterObject TaskFilters filters,
            @RequestParam(defaultValue = "csv") @Pattern(regexp = "csv|xlsx") String format) {
        List<TaskView> tasks = new ArrayList<>();
        for (TaskRow row : allRows(filters)) {
            queries.query(new FindTaskQuery(row.taskId()), ResponseTypes.optionalInstanceOf(TaskView.class))
                    .join()
                    .ifPresent(tasks::add);
        }
        boolean csv = "csv".equals(format);
        String filename = "督办台账_" + LocalDate.now(clock) + (csv ? ".csv" : ".xlsx");
        return ResponseEntity.ok()
                .contentType(csv ? TaskLedgerExport.CSV : TaskLedgerExport.XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(csv ? TaskLedgerExport.csv(tasks) : TaskLedgerExport.xlsx(tasks));
    }

    /** Every row the filters select, page by page through the list's own query (its RAG rules included). */
    private List<TaskRow> allRows(TaskFilters filters) {
        List<TaskRow> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            TaskList list = queries.query(filters.page(page, EXPORT_PAGE), TaskList.class)
                    .join();
            rows.addAll(list.items());
            if (list.items().size() < EXPORT_PAGE || rows.size() >= list.total()) {
                return rows;
            }
        }
    }

    @GetMapping("/api/tasks/{tid}")
    TaskView task(@PathVariable("tid") @Pattern(regexp = Ids.PATTERN) String tid) {
        return queries.query(new FindTaskQuery(tid), ResponseTypes.optionalInstanceOf(TaskView.class))
                .join()
                .map(view -> ReasonVisibility.forCaller(view, Caller.current()))
                .orElseThrow(() -> new NotFoundException("no task " + tid));
    }
}
