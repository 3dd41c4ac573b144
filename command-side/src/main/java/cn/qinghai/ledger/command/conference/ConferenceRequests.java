package cn.qinghai.ledger.command.conference;

import cn.qinghai.ledger.events.Ids;
import cn.qinghai.ledger.events.conference.OfficeDirectorHandover;
import cn.qinghai.ledger.events.conference.RosterDecision;
import cn.qinghai.ledger.events.conference.SeatRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The request bodies of the conference endpoints (docs/api.md), validated before any command is built. */
final class ConferenceRequests {

    private ConferenceRequests() {}

    record Establish(
            @NotNull @Pattern(regexp = Ids.PATTERN) String conferenceId,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 100) String documentNo,
            @NotNull @Size(max = 20) List<@NotBlank @Size(max = 500) String> basisDocuments,
            @NotNull @Pattern(regexp = Ids.PATTERN) String leadUnitCode,
            @NotNull LocalDate establishedOn,
            @Size(max = 500) String reason) {}

    /**
     * How the conference decided (联席会议确定). Optional here so that a missing decision is refused by the
     * conference with its rule's name (ConferenceDecidesRosterChanges), like any other rule.
     */
    record DecidedBy(
            RosterDecision.Kind kind,
            @Pattern(regexp = Ids.PATTERN) String meetingId,
            @Pattern(regexp = Ids.PATTERN) String decisionId,
            @Size(max = 200) String reference,
            LocalDate decidedOn) {

        static RosterDecision toDecision(DecidedBy body) {
            return body == null
                    ? null
                    : new RosterDecision(
                            body.kind(),
                            body.meetingId(),
                            body.decisionId(),
                            body.reference() == null ? null : body.reference().strip(),
                            body.decidedOn());
        }
    }

    record AddUnit(
            @NotNull @Pattern(regexp = Ids.PATTERN) String unitCode,
            @NotBlank @Size(max = 100) String name,
            @NotNull @Size(max = 50) List<@NotBlank @Size(max = 2000) String> duties,
            LocalDate effectiveOn,
            @Valid DecidedBy decidedBy,
            @Size(max = 500) String reason) {}

    record UpdateDuties(
            @NotNull @Size(max = 50) List<@NotBlank @Size(max = 2000) String> duties,
            @Valid DecidedBy decidedBy,
            @Size(max = 500) String reason) {}

    record RemoveUnit(
            @NotBlank @Size(max = 500) String reason,
            LocalDate effectiveOn,
            @Valid DecidedBy decidedBy) {}

    record Appoint(
            @NotNull @Pattern(regexp = Ids.PATTERN) String personId,
            @NotBlank @Size(max = 50) String name,
            @NotBlank @Size(max = 200) String title,
            @NotNull SeatRole role,
            @Pattern(regexp = Ids.PATTERN) String unitCode,
            LocalDate effectiveOn,
            @Valid DecidedBy decidedBy,
            @Size(max = 500) String reason) {}

    record AppointDirector(
            @NotNull @Pattern(regexp = Ids.PATTERN) String personId,
            LocalDate effectiveOn,
            @Valid DecidedBy decidedBy,
            @Size(max = 500) String reason) {}

    record Incoming(
            @NotNull @Pattern(regexp = Ids.PATTERN) String personId,
            @NotBlank @Size(max = 50) String name,
            @NotBlank @Size(max = 200) String title) {}

    record ProposeChange(
            @NotNull @Pattern(regexp = Ids.PATTERN) String changeId,
            @NotNull @Pattern(regexp = Ids.PATTERN) String unitCode,
            @NotNull @Pattern(regexp = Ids.PATTERN) String outgoingPersonId,
            @NotNull @Valid Incoming incoming,
            @NotBlank @Size(max = 500) String reason) {}

    record DecideChange(
            LocalDate effectiveOn,
            @Valid DecidedBy decidedBy,
            @Size(max = 500) String reason) {}

    /** 换届 of a convening seat: who comes in, from when, what becomes of the directorship, how it was decided. */
    record Succession(
            @NotNull @Valid Incoming incoming,
            LocalDate effectiveOn,
            OfficeDirectorHandover officeDirector,
            @Valid DecidedBy decidedBy,
            @Size(max = 500) String reason) {}

    record RejectChange(@NotBlank @Size(max = 500) String reason) {}

    record Liaison(
            @NotBlank @Size(max = 50) String name,
            @NotBlank @Size(max = 200) String title,

            @NotBlank @Pattern(regexp = "[0-9+() -]{3,30}", message = "must be a telephone number")
            String phone,

            LocalDate effectiveOn,
            @Size(max = 500) String reason) {}

    record Dissolve(@NotBlank @Size(max = 500) String reason, LocalDate effectiveOn) {}
}
