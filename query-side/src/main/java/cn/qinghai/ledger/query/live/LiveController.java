package cn.qinghai.ledger.query.live;

import cn.qinghai.ledger.events.Ids;
import cn.qinghai.ledger.events.task.FindTasksQuery;
import cn.qinghai.ledger.events.task.FindUnitStatusBoardQuery;
import cn.qinghai.ledger.events.task.RagStatus;
import cn.qinghai.ledger.events.task.TaskList;
import cn.qinghai.ledger.events.task.TaskStatus;
import cn.qinghai.ledger.events.task.UnitStatusList;
import cn.qinghai.ledger.platform.security.Caller;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The unit status board and the task list, live: the same parameters and the same JSON as
 * {@code GET /api/units} and {@code GET /api/tasks}, as server-sent events that repeat the answer
 * whenever a task or the roster changes ({@link LiveStreams}). For the dashboard; readable by every
 * signed-in role, like the read models themselves.
 */
@RestController
@Validated
@Tag(name = "live", description = "实时: the unit status board and the task list as server-sent events")
class LiveController {

    private final LiveStreams streams;

    LiveController(LiveStreams streams) {
        this.streams = streams;
    }

    /** {@code event: units}, {@code data:} the board as {@code GET /api/units} returns it. */
    @GetMapping("/api/live/units")
    SseEmitter units(
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String conferenceId,
            @RequestParam(defaultValue = "false") boolean includeRemoved) {
        return streams.open(
                "units",
                new FindUnitStatusBoardQuery(conferenceId, includeRemoved),
                UnitStatusList.class,
                Caller.current());
    }

    /** {@code event: tasks}, {@code data:} the page as {@code GET /api/tasks} returns it. */
    @GetMapping("/api/live/tasks")
    SseEmitter tasks(
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String conferenceId,
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String unit,
            @RequestParam(required = false) TaskStatus status,
            @RequestParam(required = false) RagStatus rag,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return streams.open(
                "tasks",
                new FindTasksQuery(conferenceId, unit, status, rag, dueBefore, page, size),
                TaskList.class,
                Caller.current());
    }
}
