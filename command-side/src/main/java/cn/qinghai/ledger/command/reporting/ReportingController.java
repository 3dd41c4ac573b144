package cn.qinghai.ledger.command.reporting;

import cn.qinghai.ledger.events.Ids;
import cn.qinghai.ledger.events.reporting.*;
import cn.qinghai.ledger.platform.security.Caller;
import cn.qinghai.ledger.platform.security.Role;
import cn.qinghai.ledger.platform.web.Accepted;
import cn.qinghai.ledger.platform.web.Commands;
import cn.qinghai.ledger.platform.web.IfMatch;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * 工作情况定期报送 (docs/api.md): the office opens a round for a period with its due date, adds a unit, urges
 * (催报) units that have not reported and closes the round; a unit submits its own report, in its own
 * conference only. A round is named by its conference and period ({@code 2026-Q1}, {@code 2026-H1},
 * {@code 2026}).
 */
@RestController
@Validated
@RequestMapping("/api/conferences/{cid}/reporting-rounds")
@Tag(name = "reporting", description = "工作情况定期报送: rounds, reports, 催报, closing")
class ReportingController {

    private static final String ID = Ids.PATTERN;
    private static final String PERIOD = ReportingKind.PERIOD_PATTERN;

    record Open(
            @NotNull ReportingKind kind,
            @NotNull @Pattern(regexp = PERIOD) String period,
            @NotNull LocalDate dueDate,
            @Size(max = 100) List<@NotNull @Pattern(regexp = ID) String> expectedUnits,
            @Size(max = 4000) String requirements,
            @Size(max = 500) String reason) {}

    record AddUnit(
            @NotNull @Pattern(regexp = ID) String unitCode,
            @Size(max = 500) String reason) {}

    record Report(
            @NotBlank @Size(max = 8000) String text,
            @Size(max = 300) String documentRef,
            @Size(max = 500) String reason) {}

    record Urge(
            @NotNull @Pattern(regexp = ID) String unitCode,
            @NotBlank @Size(max = 1000) String message,
            @Size(max = 500) String reason) {}

    record Close(@Size(max = 500) String reason) {}

    private final Commands commands;
    private final Clock clock;

    ReportingController(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<Accepted> open(
            @PathVariable("cid") @Pattern(regexp = ID) String cid,
            @Valid @RequestBody Open body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        String roundId = ReportingKind.roundId(cid, body.period());
        commands.send(
                IfMatch.parse(ifMatch),
                new OpenReportingRoundCommand(
                        roundId,
                        cid,
                        body.kind(),
                        body.period(),
                        body.dueDate(),
                        body.expectedUnits() == null ? List.of() : body.expectedUnits(),
                        body.requirements(),
                        LocalDate.now(clock)),
                body.reason());
        return Accepted.created(roundId, "/api/conferences/" + cid + "/reporting-rounds/" + body.period());
    }

    @PostMapping("/{period}/expected-units")
    ResponseEntity<Accepted> addUnit(
            @PathVariable("cid") @Pattern(regexp = ID) String cid,
            @PathVariable("period") @Pattern(regexp = PERIOD) String period,
            @Valid @RequestBody AddUnit body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        String roundId = ReportingKind.roundId(cid, period);
        commands.send(
                IfMatch.parse(ifMatch),
                new AddExpectedUnitCommand(roundId, body.unitCode(), LocalDate.now(clock)),
                body.reason());
        return Accepted.ok(roundId);
    }

    /** 及时收集各成员单位工作任务完成情况: a unit reports for itself, in its own conference. */
    @PostMapping("/{period}/reports")
    ResponseEntity<Accepted> report(
            @PathVariable("cid") @Pattern(regexp = ID) String cid,
            @PathVariable("period") @Pattern(regexp = PERIOD) String period,
            @Valid @RequestBody Report body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Caller caller = Caller.current();
        if (!caller.is(Role.UNIT) || caller.unitCode() == null || !caller.actsIn(cid)) {
            throw new AccessDeniedException("a unit reports only for itself, in its own conference");
        }
        String roundId = ReportingKind.roundId(cid, period);
        commands.send(
                IfMatch.parse(ifMatch),
                new SubmitWorkReportCommand(
                        roundId, caller.unitCode(), body.text(), body.documentRef(), OffsetDateTime.now(clock)),
                body.reason());
        return Accepted.ok(roundId);
    }

    @PostMapping("/{period}/urgings")
    ResponseEntity<Accepted> urge(
            @PathVariable("cid") @Pattern(regexp = ID) String cid,
            @PathVariable("period") @Pattern(regexp = PERIOD) String period,
            @Valid @RequestBody Urge body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        String roundId = ReportingKind.roundId(cid, period);
        commands.send(
                IfMatch.parse(ifMatch),
                new UrgeWorkReportCommand(roundId, body.unitCode(), body.message(), OffsetDateTime.now(clock)),
                body.reason());
        return Accepted.ok(roundId);
    }

    @PostMapping("/{period}/closure")
    ResponseEntity<Accepted> close(
            @PathVariable("cid") @Pattern(regexp = ID) String cid,
            @PathVariable("period") @Pattern(regexp = PERIOD) String period,
            @Valid @RequestBody(required = false) Close body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        String roundId = ReportingKind.roundId(cid, period);
        commands.send(
                IfMatch.parse(ifMatch),
                new CloseReportingRoundCommand(roundId, LocalDate.now(clock)),
                body == null ? null : body.reason());
        return Accepted.ok(roundId);
    }
}
