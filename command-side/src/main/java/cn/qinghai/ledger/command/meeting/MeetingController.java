package cn.qinghai.ledger.command.meeting;

import cn.qinghai.ledger.events.Ids;
import cn.qinghai.ledger.events.meeting.*;
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
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * Commands on meetings (docs/api.md): the office records what the conference does — convening, attendance,
 * agreed matters, the convener's signature, issuing, approvals and cancellation. The person who acted
 * in the domain ({@code convenedBy}, {@code signedBy}) is named in the body; the signed-in office user
 * goes into the metadata.
 */
@RestController
@Validated
@RequestMapping("/api/meetings")
@Tag(name = "meetings", description = "会议: 全体会议 and 专题会议, 议定事项, 会议纪要, 重大事项报批")
class MeetingController {

    private static final String ID = Ids.PATTERN;

    record Convene(
            @NotNull @Pattern(regexp = ID) String meetingId,
            @NotNull @Pattern(regexp = ID) String conferenceId,
            @NotNull MeetingKind kind,
            @NotBlank @Size(max = 300) String topic,
            @NotNull OffsetDateTime scheduledAt,
            @NotBlank @Size(max = 200) String location,
            @NotNull @Pattern(regexp = ID) String convenedBy,
            @Size(max = 100) List<@NotNull @Pattern(regexp = ID) String> participantUnits,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> invitedDepartments,
            @Size(max = 500) String reason) {}

    record AbsenceBody(
            @NotNull @Pattern(regexp = ID) String unitCode,
            @NotBlank @Size(max = 300) String reason) {}

    record StandInBody(
            @NotNull @Pattern(regexp = ID) String unitCode,
            @NotBlank @Size(max = 50) String name,
            @NotBlank @Size(max = 200) String title) {}

    record Attendance(
            @NotNull @Size(max = 100) List<@NotNull @Pattern(regexp = ID) String> present,
            @Size(max = 100) List<@NotNull @Valid AbsenceBody> absent,
            @Size(max = 100) List<@NotNull @Valid StandInBody> standIns,
            @Size(max = 500) String reason) {}

    record TaskBody(
            @NotNull @Pattern(regexp = ID) String taskId,
            @NotBlank @Size(max = 300) String title,
            @NotNull @Pattern(regexp = ID) String leadUnitCode,
            @Size(max = 30) List<@NotNull @Pattern(regexp = ID) String> coUnitCodes,
            @NotNull LocalDate dueDate) {}

    record Decision(
            @NotNull @Pattern(regexp = ID) String decisionId,
            @NotBlank @Size(max = 2000) String matter,
            boolean major,
            @Size(max = 50) List<@NotNull @Valid TaskBody> tasks,
            @Size(max = 500) String reason) {}

    record Sign(
            @NotNull @Pattern(regexp = ID) String signedBy,
            LocalDate signedOn,
            @Size(max = 500) String reason) {}

    record Issue(
            @NotBlank @Size(max = 100) String documentNo,
            @NotNull @Size(min = 1, max = 200) List<@NotBlank @Size(max = 100) String> distribution,
            LocalDate issuedOn,
            @Size(max = 500) String reason) {}

    record Correction(@NotBlank @Size(max = 500) String reason) {}

    record ReturnForRevision(@NotBlank @Size(max = 500) String reason) {}

    record DueDateBody(
            @NotNull @Pattern(regexp = ID) String taskId,
            @NotNull LocalDate dueDate) {}

    record DueDates(
            @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid DueDateBody> dueDates,
            @NotBlank @Size(max = 500) String reason) {}

    record Submission(
            @NotBlank @Size(max = 200) String submittedTo,
            @NotBlank @Size(max = 100) String documentNo,
            LocalDate submittedOn,
            @Size(max = 500) String reason) {}

    record Approval(
            @NotNull Boolean approved,
            @NotBlank @Size(max = 200) String approver,
            @NotBlank @Size(max = 100) String documentNo,
            LocalDate decidedOn,
            @Size(max = 500) String reason) {}

    record Cancellation(@NotBlank @Size(max = 500) String reason) {}

    private final Commands commands;
    private final Clock clock;

    MeetingController(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<Accepted> convene(
            @Valid @RequestBody Convene body, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(
                IfMatch.parse(ifMatch),
                new ConveneMeetingCommand(
                        body.meetingId(),
                        body.conferenceId(),
                        body.kind(),
                        body.topic(),
                        body.scheduledAt(),
                        body.location(),
                        body.convenedBy(),
                        orEmpty(body.participantUnits()),
                        orEmpty(body.invitedDepartments())),
                body.reason());
        return Accepted.created(body.meetingId(), "/api/meetings/" + body.meetingId());
    }

    @PostMapping("/{mid}/attendance")
    ResponseEntity<Accepted> attendance(
            @PathVariable("mid") @Pattern(regexp = ID) String mid,
            @Valid @RequestBody Attendance body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(
                IfMatch.parse(ifMatch),
                new RecordAttendanceCommand(
                        mid,
                        body.present(),
                        orEmpty(body.absent()).stream()
                                .map(a -> new Absence(a.unitCode(), a.reason()))
                                .toList(),
                        orEmpty(body.standIns()).stream()
                                .map(s -> new StandIn(s.unitCode(), s.name(), s.title()))
                                .toList()),
                body.reason());
        return Accepted.ok(mid);
    }

    @PostMapping("/{mid}/decisions")
    ResponseEntity<Accepted> decision(
            @PathVariable("mid") @Pattern(regexp = ID) String mid,
            @Valid @RequestBody Decision body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        List<TaskSpec> tasks = orEmpty(body.tasks()).stream()
                .map(t -> new TaskSpec(t.taskId(), t.title(), t.leadUnitCode(), orEmpty(t.coUnitCodes()), t.dueDate()))
                .toList();
        commands.send(
                IfMatch.parse(ifMatch),
                new RecordDecisionCommand(mid, body.decisionId(), body.matter(), body.major(), tasks),
                body.reason());
        return Accepted.created(body.decisionId(), "/api/meetings/" + mid);
    }

    @PostMapping("/{mid}/minutes/signature")
    ResponseEntity<Accepted> sign(
            @PathVariable("mid") @Pattern(regexp = ID) String mid,
            @Valid @RequestBody Sign body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(
                IfMatch.parse(ifMatch),
                new SignMinutesCommand(mid, body.signedBy(), orToday(body.signedOn())),
                body.reason());
        return Accepted.ok(mid);
    }

    @PostMapping("/{mid}/minutes/issue")
    ResponseEntity<Accepted> issue(
            @PathVariable("mid") @Pattern(regexp = ID) String mid,
            @Valid @RequestBody Issue body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(
                IfMatch.parse(ifMatch),
                new IssueMinutesCommand(mid, body.documentNo(), body.distribution(), orToday(body.issuedOn())),
                body.reason());
        return Accepted.ok(mid);
    }

    /** Issued minutes never change: this opens the next version for a correction. */
    @PostMapping("/{mid}/minutes/corrections")
    ResponseEntity<Accepted> correction(
            @PathVariable("mid") @Pattern(regexp = ID) String mid,
            @Valid @RequestBody Correction body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(IfMatch.parse(ifMatch), new OpenMinutesCorrectionCommand(mid, body.reason()), body.reason());
        return Accepted.ok(mid);
    }

    /** Signed minutes not yet issued go back to the draft, to be changed and signed again. */
    @PostMapping("/{mid}/minutes/revision")
    ResponseEntity<Accepted> revision(
            @PathVariable("mid") @Pattern(regexp = ID) String mid,
            @Valid @RequestBody ReturnForRevision body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(IfMatch.parse(ifMatch), new ReturnMinutesForRevisionCommand(mid, body.reason()), body.reason());
        return Accepted.ok(mid);
    }

    /** New due dates for tasks of a matter in the draft of the minutes. */
    @PostMapping("/{mid}/decisions/{did}/due-dates")
    ResponseEntity<Accepted> dueDates(
            @PathVariable("mid") @Pattern(regexp = ID) String mid,
            @PathVariable("did") @Pattern(regexp = ID) String did,
            @Valid @RequestBody DueDates body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(
                IfMatch.parse(ifMatch),
                new ReviseMatterDueDatesCommand(
                        mid,
                        did,
                        body.dueDates().stream()
                                .map(d -> new TaskDueDate(d.taskId(), d.dueDate()))
                                .toList(),
                        body.reason()),
                body.reason());
        return Accepted.ok(did);
    }

    @PostMapping("/{mid}/decisions/{did}/approval-request")
    ResponseEntity<Accepted> submit(
            @PathVariable("mid") @Pattern(regexp = ID) String mid,
            @PathVariable("did") @Pattern(regexp = ID) String did,
            @Valid @RequestBody Submission body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(
                IfMatch.parse(ifMatch),
                new SubmitForApprovalCommand(
                        mid, did, body.submittedTo(), body.documentNo(), orToday(body.submittedOn())),
                body.reason());
        return Accepted.ok(did);
    }

    @PostMapping("/{mid}/decisions/{did}/approval")
    ResponseEntity<Accepted> approval(
            @PathVariable("mid") @Pattern(regexp = ID) String mid,
            @PathVariable("did") @Pattern(regexp = ID) String did,
            @Valid @RequestBody Approval body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(
                IfMatch.parse(ifMatch),
                new RecordApprovalCommand(
                        mid, did, body.approved(), body.approver(), body.documentNo(), orToday(body.decidedOn())),
                body.reason());
        return Accepted.ok(did);
    }

    @PostMapping("/{mid}/cancellation")
    ResponseEntity<Accepted> cancel(
            @PathVariable("mid") @Pattern(regexp = ID) String mid,
            @Valid @RequestBody Cancellation body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(IfMatch.parse(ifMatch), new CancelMeetingCommand(mid, body.reason()), body.reason());
        return Accepted.ok(mid);
    }

    private LocalDate orToday(LocalDate date) {
        return date == null ? LocalDate.now(clock) : date;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
