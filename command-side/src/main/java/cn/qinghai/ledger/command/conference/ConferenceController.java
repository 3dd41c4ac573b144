package cn.qinghai.ledger.command.conference;

import cn.qinghai.ledger.events.Ids;
import cn.qinghai.ledger.events.conference.*;
import cn.qinghai.ledger.platform.security.Caller;
import cn.qinghai.ledger.platform.security.Role;
import cn.qinghai.ledger.platform.web.Accepted;
import cn.qinghai.ledger.platform.web.Commands;
import cn.qinghai.ledger.platform.web.IfMatch;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/** Commands on the conference and its roster (docs/api.md, command side). */
@RestController
@Validated
@RequestMapping("/api/conferences")
@Tag(name = "conference", description = "联席会议 and its roster: units, seats, office director, liaisons, member changes")
class ConferenceController {

    private final Commands commands;
    private final Clock clock;

    ConferenceController(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<Accepted> establish(
            @Valid @RequestBody ConferenceRequests.Establish body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(
                IfMatch.parse(ifMatch),
                new EstablishConferenceCommand(
                        body.conferenceId(),
                        body.name(),
                        body.documentNo(),
                        body.basisDocuments(),
                        body.leadUnitCode(),
                        body.establishedOn()),
                body.reason());
        return Accepted.created(body.conferenceId(), "/api/conferences/" + body.conferenceId());
    }

    @PostMapping("/{cid}/units")
    ResponseEntity<Accepted> addUnit(
            @PathVariable("cid") @Pattern(regexp = Ids.PATTERN) String cid,
            @Valid @RequestBody ConferenceRequests.AddUnit body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(
                IfMatch.parse(ifMatch),
                new AddMemberUnitCommand(
                        cid,
                        body.unitCode(),
                        body.name(),
                        body.duties(),
                        orToday(body.effectiveOn()),
                        ConferenceRequests.DecidedBy.toDecision(body.decidedBy())),
                body.reason());
        return Accepted.created(body.unitCode(), "/api/units/" + body.unitCode() + "?conferenceId=" + cid);
    }

    @PutMapping("/{cid}/units/{unit}/duties")
    ResponseEntity<Accepted> updateDuties(
            @PathVariable("cid") @Pattern(regexp = Ids.PATTERN) String cid,
            @PathVariable("unit") @Pattern(regexp = Ids.PATTERN) String unit,
            @Valid @RequestBody ConferenceRequests.UpdateDuties body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(
                IfMatch.parse(ifMatch),
                new UpdateUnitDutiesCommand(
                        cid, unit, body.duties(), ConferenceRequests.DecidedBy.toDecision(body.decidedBy())),
                body.reason());
        return Accepted.ok(unit);
    }

    @PostMapping("/{cid}/units/{unit}/removal")
    ResponseEntity<Accepted> removeUnit(
            @PathVariable("cid") @Pattern(regexp = Ids.PATTERN) String cid,
            @PathVariable("unit") @Pattern(regexp = Ids.PATTERN) String unit,
            @Valid @RequestBody ConferenceRequests.RemoveUnit body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(
                IfMatch.parse(ifMatch),
                new RemoveMemberUnitCommand(
                        cid,
                        unit,
                        body.reason(),
                        orToday(body.effectiveOn()),
                        ConferenceRequests.DecidedBy.toDecision(body.decidedBy())),
                body.reason());
        return Accepted.ok(unit);
    }

    @PostMapping("/{cid}/members")
    ResponseEntity<Accepted> appoint(
            @PathVariable("cid") @Pattern(regexp = Ids.PATTERN) String cid,
            @Valid @RequestBody ConferenceRequests.Appoint body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(
                IfMatch.parse(ifMatch),
                new AppointMemberCommand(
                        cid,
                        body.personId(),
                        body.name(),
                        body.title(),
                        body.role(),
                        body.unitCode(),
                        orToday(body.effectiveOn()),
                        ConferenceRequests.DecidedBy.toDecision(body.decidedBy())),
                body.reason());
        return Accepted.created(body.personId(), "/api/conferences/" + cid + "/roster");
    }

    @PutMapping("/{cid}/office-director")
    ResponseEntity<Accepted> appointDirector(
            @PathVariable("cid") @Pattern(regexp = Ids.PATTERN) String cid,
            @Valid @RequestBody ConferenceRequests.AppointDirector body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(
                IfMatch.parse(ifMatch),
                new AppointOfficeDirectorCommand(
                        cid,
                        body.personId(),
                        orToday(body.effectiveOn()),
                        ConferenceRequests.DecidedBy.toDecision(body.decidedBy())),
                body.reason());
        return Accepted.ok(body.personId());
    }

    /** 由所在单位提出: a unit user proposes a change of its own member. */
    @PostMapping("/{cid}/member-changes")
    ResponseEntity<Accepted> proposeChange(
            @PathVariable("cid") @Pattern(regexp = Ids.PATTERN) String cid,
            @Valid @RequestBody ConferenceRequests.ProposeChange body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        inOwnConference(cid);
        var incoming = new Person(
                body.incoming().personId(),
                body.incoming().name(),
                body.incoming().title());
        commands.send(
                IfMatch.parse(ifMatch),
                new ProposeMemberChangeCommand(
                        cid,
                        body.changeId(),
                        body.unitCode(),
                        body.outgoingPersonId(),
                        incoming,
                        body.reason(),
                        Caller.current().unitCode(),
                        today()),
                body.reason());
        return Accepted.created(body.changeId(), "/api/conferences/" + cid + "/member-changes/" + body.changeId());
    }

    /** 联席会议确定: the office records the conference's confirmation. */
    @PostMapping("/{cid}/member-changes/{changeId}/confirmation")
    ResponseEntity<Accepted> confirmChange(
            @PathVariable("cid") @Pattern(regexp = Ids.PATTERN) String cid,
            @PathVariable("changeId") @Pattern(regexp = Ids.PATTERN) String changeId,
            @Valid @RequestBody(required = false) ConferenceRequests.DecideChange body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        LocalDate effectiveOn = body == null ? null : body.effectiveOn();
        commands.send(
                IfMatch.parse(ifMatch),
                new ConfirmMemberChangeCommand(
                        cid,
                        changeId,
                        orToday(effectiveOn),
                        body == null ? null : ConferenceRequests.DecidedBy.toDecision(body.decidedBy())),
                body == null ? null : body.reason());
        return Accepted.ok(changeId);
    }

    /** 换届: the office records that the convener's or a deputy convener's seat passes to another person. */
    @PostMapping("/{cid}/seats/{personId}/succession")
    ResponseEntity<Accepted> succeedSeat(
            @PathVariable("cid") @Pattern(regexp = Ids.PATTERN) String cid,
            @PathVariable("personId") @Pattern(regexp = Ids.PATTERN) String personId,
            @Valid @RequestBody ConferenceRequests.Succession body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        var incoming = new Person(
                body.incoming().personId(),
                body.incoming().name(),
                body.incoming().title());
        commands.send(
                IfMatch.parse(ifMatch),
                new SucceedSeatCommand(
                        cid,
                        personId,
                        incoming,
                        orToday(body.effectiveOn()),
                        body.officeDirector(),
                        ConferenceRequests.DecidedBy.toDecision(body.decidedBy())),
                body.reason());
        return Accepted.ok(incoming.personId());
    }

    @PostMapping("/{cid}/member-changes/{changeId}/rejection")
    ResponseEntity<Accepted> rejectChange(
            @PathVariable("cid") @Pattern(regexp = Ids.PATTERN) String cid,
            @PathVariable("changeId") @Pattern(regexp = Ids.PATTERN) String changeId,
            @Valid @RequestBody ConferenceRequests.RejectChange body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(
                IfMatch.parse(ifMatch), new RejectMemberChangeCommand(cid, changeId, body.reason()), body.reason());
        return Accepted.ok(changeId);
    }

    /** 报联席会议办公室备案: the unit files its liaison (or the office records the filing). */
    @PutMapping("/{cid}/units/{unit}/liaison")
    ResponseEntity<Accepted> fileLiaison(
            @PathVariable("cid") @Pattern(regexp = Ids.PATTERN) String cid,
            @PathVariable("unit") @Pattern(regexp = Ids.PATTERN) String unit,
            @Valid @RequestBody ConferenceRequests.Liaison body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Caller caller = Caller.current();
        if (caller.is(Role.UNIT) && !unit.equals(caller.unitCode())) {
            throw new AccessDeniedException("a unit files only its own liaison");
        }
        inOwnConference(cid);
        FileLiaisonCommand.Filing filing = new FileLiaisonCommand.Filing(today(), !caller.is(Role.UNIT), body.reason());
        commands.send(
                IfMatch.parse(ifMatch),
                new FileLiaisonCommand(
                        cid, unit, body.name(), body.title(), body.phone(), orToday(body.effectiveOn()), filing),
                body.reason());
        return Accepted.ok(unit);
    }

    @PostMapping("/{cid}/dissolution")
    ResponseEntity<Accepted> dissolve(
            @PathVariable("cid") @Pattern(regexp = Ids.PATTERN) String cid,
            @Valid @RequestBody ConferenceRequests.Dissolve body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(
                IfMatch.parse(ifMatch),
                new DissolveConferenceCommand(cid, body.reason(), orToday(body.effectiveOn())),
                body.reason());
        return Accepted.ok(cid);
    }

    /** A unit user acts only in the conference of its unit: the same unit code elsewhere is another unit. */
    private static void inOwnConference(String cid) {
        Caller caller = Caller.current();
        if (!caller.actsIn(cid)) {
            throw new AccessDeniedException(
                    "user " + caller.username() + " acts for a unit of " + caller.conferenceId() + ", not of " + cid);
        }
    }

    private LocalDate orToday(LocalDate date) {
        return date == null ? today() : date;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
