package cn.qinghai.ledger.command.task;

import cn.qinghai.ledger.command.lookup.RosterLookup;
import cn.qinghai.ledger.events.Ids;
import cn.qinghai.ledger.events.task.*;
import cn.qinghai.ledger.platform.calendar.WorkingCalendar;
import cn.qinghai.ledger.platform.security.Caller;
import cn.qinghai.ledger.platform.security.Role;
import cn.qinghai.ledger.platform.web.Accepted;
import cn.qinghai.ledger.platform.web.Commands;
import cn.qinghai.ledger.platform.web.IfMatch;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * Commands on supervised tasks (docs/api.md). The office assigns direct instructions, urges, decides
 * extensions, closes (销号) and returns (退回重办); a unit acknowledges, reports, asks for more time and
 * submits completion, always for itself: a unit user acts in the name of its own unit only.
 */
@RestController
@Validated
@RequestMapping("/api/tasks")
@Tag(name = "tasks", description = "督办事项: assignment, progress, urging, extensions, completion, 销号")
class TaskController {

    private static final String ID = Ids.PATTERN;

    record Assign(
            @NotNull @Pattern(regexp = ID) String taskId,
            @NotNull @Pattern(regexp = ID) String conferenceId,
            @NotBlank @Size(max = 300) String title,
            @NotNull @Pattern(regexp = ID) String leadUnitCode,
            @Size(max = 30) List<@NotNull @Pattern(regexp = ID) String> coUnitCodes,
            LocalDate dueDate,
            @Min(1) @Max(750) Integer dueInWorkingDays,
            @NotBlank @Size(max = 300) String source,
            @Size(max = 500) String reason) {

        @AssertTrue(message = "give exactly one of dueDate and dueInWorkingDays") boolean isOneDueDate() {
            return (dueDate == null) != (dueInWorkingDays == null);
        }
    }

    record Acknowledge(@Size(max = 500) String reason) {}

    record Progress(
            @Pattern(regexp = ID) String unitCode,
            @NotNull @Min(0) @Max(100) Integer percentComplete,
            @NotBlank @Size(max = 2000) String summary,
            @Size(max = 500) String reason) {}

    record Urge(
            @NotBlank @Size(max = 1000) String note,
            @Size(max = 500) String reason) {}

    record ExtensionRequest(
            @NotNull @Pattern(regexp = ID) String requestId,
            @NotNull LocalDate newDueDate,
            @NotBlank @Size(max = 1000) String reason) {}

    record Grant(@Size(max = 1000) String note) {}

    record Deny(@NotBlank @Size(max = 1000) String reason) {}

    record Completion(
            @NotBlank @Size(max = 4000) String summary,
            @Size(max = 50) List<@NotBlank @Size(max = 1000) String> evidence,
            @Size(max = 500) String reason) {}

    record Close(@Size(max = 1000) String note) {}

    record Return(@NotBlank @Size(max = 1000) String reason) {}

    private final Commands commands;
    private final Clock clock;
    private final WorkingCalendar calendar;
    private final RosterLookup lookup;

    TaskController(Commands commands, Clock clock, WorkingCalendar calendar, RosterLookup lookup) {
        this.commands = commands;
        this.clock = clock;
        this.calendar = calendar;
        this.lookup = lookup;
    }

    /** A direct instruction to the office becomes a task (the others come from agreed matters). */
    @PostMapping
    ResponseEntity<Accepted> assign(
            @Valid @RequestBody Assign body, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        LocalDate today = today();
        LocalDate due =
                body.dueDate() != null ? body.dueDate() : calendar.addWorkingDays(today, body.dueInWorkingDays());
        commands.send(
                IfMatch.parse(ifMatch),
                new AssignTaskCommand(
                        body.taskId(),
                        body.conferenceId(),
                        body.title(),
                        body.leadUnitCode(),
                        body.coUnitCodes() == null ? List.of() : body.coUnitCodes(),
                        due,
                        TaskSource.direct(body.source()),
                        today),
                body.reason());
        return Accepted.created(body.taskId(), "/api/tasks/" + body.taskId());
    }

    @PostMapping("/{tid}/acknowledgement")
    ResponseEntity<Accepted> acknowledge(
            @PathVariable("tid") @Pattern(regexp = ID) String tid,
            @Valid @RequestBody(required = false) Acknowledge body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(
                IfMatch.parse(ifMatch),
                new AcknowledgeTaskCommand(tid, unitOnTask(tid), today()),
                body == null ? null : body.reason());
        return Accepted.ok(tid);
    }

    /** 及时收集各成员单位工作任务完成情况: a unit reports its own progress only. */
    @PostMapping("/{tid}/progress")
    ResponseEntity<Accepted> progress(
            @PathVariable("tid") @Pattern(regexp = ID) String tid,
            @Valid @RequestBody Progress body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        String unit = ownUnit(body.unitCode());
        unitOnTask(tid);
        commands.send(
                IfMatch.parse(ifMatch),
                new ReportProgressCommand(tid, unit, body.percentComplete(), body.summary(), OffsetDateTime.now(clock)),
                body.reason());
        return Accepted.ok(tid);
    }

    @PostMapping("/{tid}/urgings")
    ResponseEntity<Accepted> urge(
            @PathVariable("tid") @Pattern(regexp = ID) String tid,
            @Valid @RequestBody Urge body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(
                IfMatch.parse(ifMatch),
                new UrgeTaskCommand(tid, body.note(), OffsetDateTime.now(clock)),
                body.reason());
        return Accepted.ok(tid);
    }

    @PostMapping("/{tid}/extension-requests")
    ResponseEntity<Accepted> requestExtension(
            @PathVariable("tid") @Pattern(regexp = ID) String tid,
            @Valid @RequestBody ExtensionRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(
                IfMatch.parse(ifMatch),
                new RequestExtensionCommand(
                        tid, body.requestId(), unitOnTask(tid), body.newDueDate(), body.reason(), today()),
                body.reason());
        return Accepted.created(body.requestId(), "/api/tasks/" + tid);
    }

    @PostMapping("/{tid}/extension-requests/{rid}/grant")
    ResponseEntity<Accepted> grant(
            @PathVariable("tid") @Pattern(regexp = ID) String tid,
            @PathVariable("rid") @Pattern(regexp = ID) String rid,
            @Valid @RequestBody(required = false) Grant body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        String note = body == null ? null : body.note();
        commands.send(IfMatch.parse(ifMatch), new GrantExtensionCommand(tid, rid, note, today()), note);
        return Accepted.ok(rid);
    }

    @PostMapping("/{tid}/extension-requests/{rid}/denial")
    ResponseEntity<Accepted> deny(
            @PathVariable("tid") @Pattern(regexp = ID) String tid,
            @PathVariable("rid") @Pattern(regexp = ID) String rid,
            @Valid @RequestBody Deny body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(
                IfMatch.parse(ifMatch), new DenyExtensionCommand(tid, rid, body.reason(), today()), body.reason());
        return Accepted.ok(rid);
    }

    @PostMapping("/{tid}/completion")
    ResponseEntity<Accepted> complete(
            @PathVariable("tid") @Pattern(regexp = ID) String tid,
            @Valid @RequestBody Completion body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(
                IfMatch.parse(ifMatch),
                new SubmitCompletionCommand(
                        tid,
                        unitOnTask(tid),
                        body.summary(),
                        body.evidence() == null ? List.of() : body.evidence(),
                        today()),
                body.reason());
        return Accepted.ok(tid);
    }

    @PostMapping("/{tid}/closure")
    ResponseEntity<Accepted> close(
            @PathVariable("tid") @Pattern(regexp = ID) String tid,
            @Valid @RequestBody(required = false) Close body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        String note = body == null ? null : body.note();
        commands.send(IfMatch.parse(ifMatch), new CloseTaskCommand(tid, note, today()), note);
        return Accepted.ok(tid);
    }

    @PostMapping("/{tid}/return")
    ResponseEntity<Accepted> returnTask(
            @PathVariable("tid") @Pattern(regexp = ID) String tid,
            @Valid @RequestBody Return body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(IfMatch.parse(ifMatch), new ReturnTaskCommand(tid, body.reason(), today()), body.reason());
        return Accepted.ok(tid);
    }

    /** A unit user acts for its own unit; naming another unit is refused (403). */
    private static String ownUnit(String named) {
        Caller caller = Caller.current();
        if (!caller.is(Role.UNIT) || (named != null && !named.equals(caller.unitCode()))) {
            throw new AccessDeniedException("a unit reports only for itself");
        }
        return caller.unitCode();
    }

    /**
     * A unit user acts only on tasks of its own unit (as lead or co-unit) in its own conference: another
     * unit's task, or a task of another conference whose unit has the same code, is 403. An unknown task
     * goes on to the command, which answers 404.
     */
    private String unitOnTask(String taskId) {
        Caller caller = Caller.current();
        String unit = caller.unitCode();
        Optional<String> conference = lookup.conferenceOfTask(taskId);
        if (conference.isPresent() && !caller.actsIn(conference.get())) {
            throw new AccessDeniedException("task " + taskId + " is not a task of " + caller.conferenceId());
        }
        List<String> units = lookup.unitsOfTask(taskId);
        if (!units.isEmpty() && !units.contains(unit)) {
            throw new AccessDeniedException("task " + taskId + " is not a task of unit " + unit);
        }
        return unit;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
