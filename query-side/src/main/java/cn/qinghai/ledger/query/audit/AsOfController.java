package cn.qinghai.ledger.query.audit;

import cn.qinghai.ledger.events.Ids;
import cn.qinghai.ledger.events.task.TaskView;
import cn.qinghai.ledger.events.task.UnitStatusList;
import cn.qinghai.ledger.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The record as it stood on a past date, for auditors (the roster's is {@code GET .../roster?asOf=}). */
@RestController
@Validated
@Tag(name = "audit", description = "history: the task and the unit board as of a past instant or date")
class AsOfController {

    private final AsOfHistory history;
    private final Clock clock;

    AsOfController(AsOfHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    /** {@code asOf}: an instant with offset (2026-03-10T09:00:00+08:00) or a date, meaning its end. */
    @GetMapping("/api/audit/tasks/{tid}")
    TaskView task(
            @PathVariable("tid") @Pattern(regexp = Ids.PATTERN) String tid,
            @RequestParam("asOf") @NotBlank String asOf) {
        return history.task(tid, instant(asOf))
                .orElseThrow(() -> new NotFoundException("task " + tid + " did not exist at " + asOf));
    }

    @GetMapping("/api/audit/units")
    UnitStatusList board(
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String conferenceId,
            @RequestParam("asOf") @NotBlank String asOf) {
        return history.board(conferenceId, instant(asOf).atZone(clock.getZone()).toLocalDate());
    }

    private Instant instant(String asOf) {
        try {
            if (asOf.length() == 10) {
                return LocalDate.parse(asOf)
                        .plusDays(1)
                        .atStartOfDay(clock.getZone())
                        .toInstant()
                        .minusNanos(1);
            }
            return OffsetDateTime.parse(asOf).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "asOf must be a date (2026-03-10) or an instant with offset " + "(2026-03-10T09:00:00+08:00)");
        }
    }
}
