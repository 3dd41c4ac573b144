package cn.qinghai.ledger.command.conference;

import static cn.qinghai.ledger.command.conference.ConferenceRules.*;
import static cn.qinghai.ledger.events.RuleViolatedException.conflict;
import static cn.qinghai.ledger.events.RuleViolatedException.notFound;
import static cn.qinghai.ledger.events.RuleViolatedException.rule;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.qinghai.ledger.command.lookup.RosterLookup;
import cn.qinghai.ledger.events.conference.*;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * 联席会议 — the conference and its roster. It decides who sits where: one convener, one seat per
 * person, one seat per active member unit, the office director among the seated, member changes
 * proposed by the unit and confirmed by the conference, convening seats passed on by succession (换届),
 * liaisons effective when filed. Every roster change the conference decides carries how it decided
 * ({@link RosterDecision}), applied as a {@link RosterChangeDecidedEvent} after the change (or inside a
 * {@link SeatSucceededEvent}). A dissolved conference refuses everything. State changes only in the event
 * sourcing handlers below.
 *
 * <p>Snapshots are serialized by Jackson from the fields (not getters, there are none). The revision
 * names the shape of those fields: Axon ignores a snapshot of another revision and loads from the events,
 * so a field added here (as {@code liaisonSince} in revision 2) is never missing from an old snapshot.
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
@Revision("2")
@Aggregate(
        snapshotTriggerDefinition = "conferenceSnapshotTrigger",
        commandTargetResolver = "versionedCommandTargetResolver")
public class Conference {

    @AggregateIdentifier
    private String conferenceId;

    private LocalDate establishedOn;
    private String leadUnitCode;
    private boolean dissolved;
    private String convenerPersonId;
    private String officeDirectorPersonId;
    private final Map<String, Unit> units = new HashMap<>();
    private final Map<String, Seat> seats = new HashMap<>();
    private final Map<String, PendingChange> pendingChanges = new HashMap<>();
    private final Set<String> usedChangeIds = new HashSet<>();
    /** Since when each unit's current liaison is on record. */
    private final Map<String, LocalDate> liaisonSince = new HashMap<>();

    private record Unit(String name, boolean active, LocalDate since) {}

    private record Seat(String name, SeatRole role, String unitCode, LocalDate since) {}

    private record PendingChange(String unitCode, String outgoingPersonId, Person incoming) {}

    protected Conference() {
        // for Axon
    }

    @CommandHandler
    public Conference(EstablishConferenceCommand command) {
        apply(new ConferenceEstablishedEvent(
                command.conferenceId(),
                command.name(),
                command.documentNo(),
                command.basisDocuments(),
                command.leadUnitCode(),
                command.establishedOn()));
    }

    @CommandHandler
    public void handle(AddMemberUnitCommand command, RosterLookup lookup, ConflictResolver conflicts) {
        conflicts.detectConflicts(ConferenceConflicts.aboutUnit(command.unitCode()));
        refuseIfDissolved();
        notBeforeEstablishment(command.effectiveOn());
        if (units.containsKey(command.unitCode())) {
            throw conflict(
                    UNIT_CODE_UNIQUE,
                    "unit " + command.unitCode() + " is already a member unit"
                            + (units.get(command.unitCode()).active() ? "" : " (removed; codes are not reused)"));
        }
        RosterDecision decidedBy = conferenceDecided(command.decidedBy(), lookup);
        apply(new MemberUnitAddedEvent(
                conferenceId, command.unitCode(), command.name(), command.duties(), command.effectiveOn()));
        decided(RosterChangeDecidedEvent.Change.UNIT_ADDED, command.unitCode(), null, null, decidedBy);
    }

    @CommandHandler
    public void handle(UpdateUnitDutiesCommand command, RosterLookup lookup, ConflictResolver conflicts) {
        conflicts.detectConflicts(ConferenceConflicts.aboutUnit(command.unitCode()));
        refuseIfDissolved();
        activeUnit(command.unitCode());
        RosterDecision decidedBy = conferenceDecided(command.decidedBy(), lookup);
        apply(new UnitDutiesUpdatedEvent(conferenceId, command.unitCode(), command.duties()));
        decided(RosterChangeDecidedEvent.Change.UNIT_DUTIES_UPDATED, command.unitCode(), null, null, decidedBy);
    }

    @CommandHandler
    public void handle(RemoveMemberUnitCommand command, RosterLookup lookup, ConflictResolver conflicts) {
        conflicts.detectConflicts(ConferenceConflicts.aboutUnit(command.unitCode()));
        refuseIfDissolved();
        Unit unit = activeUnit(command.unitCode());
        long openTasks = lookup.openTasksOf(conferenceId, command.unitCode());
        if (openTasks > 0) {
            throw rule(
                    UNIT_WITH_OPEN_TASKS_STAYS,
                    "unit " + command.unitCode() + " still has " + openTasks
                            + " open task(s); close or reassign them before removing the unit");
        }
        notBeforeEstablishment(command.effectiveOn());
        notBefore(command.effectiveOn(), unit.since(), "the unit joined");
        officeHostStays(command.unitCode());
        String seated = personRepresenting(command.unitCode());
        if (seated != null && seats.get(seated).role() == SeatRole.DEPUTY_CONVENER) {
            throw rule(
                    DEPUTY_CONVENERS_UNIT_STAYS,
                    "unit " + command.unitCode() + " is represented by deputy convener "
                            + seats.get(seated).name() + "; change that seat before removing the unit");
        }
        RosterDecision decidedBy = conferenceDecided(command.decidedBy(), lookup);
        apply(new MemberUnitRemovedEvent(
                conferenceId, command.unitCode(), command.reason(), command.effectiveOn(), seated));
        decided(RosterChangeDecidedEvent.Change.UNIT_REMOVED, command.unitCode(), null, null, decidedBy);
    }

    @CommandHandler
    public void handle(AppointMemberCommand command, RosterLookup lookup, ConflictResolver conflicts) {
        conflicts.detectConflicts(ConferenceConflicts.aboutUnit(command.unitCode()));
        refuseIfDissolved();
        notBeforeEstablishment(command.effectiveOn());
        onePersonOneSeat(command.personId());
        if (command.role() == SeatRole.CONVENER) {
            atMostOneConvener();
        }
        if (command.role() == SeatRole.MEMBER && command.unitCode() == null) {
            throw rule(SEAT_BELONGS_TO_ACTIVE_UNIT, "a MEMBER seat must name the member unit it represents");
        }
        if (command.unitCode() != null) {
            activeUnit(command.unitCode());
            oneSeatPerUnit(command.unitCode());
        }
        RosterDecision decidedBy = command.decidedBy() == null ? null : conferenceDecided(command.decidedBy(), lookup);
        apply(new MemberAppointedEvent(
                conferenceId,
                command.personId(),
                command.name(),
                command.title(),
                command.role(),
                command.unitCode(),
                command.effectiveOn()));
        if (decidedBy != null) {
            decided(
                    RosterChangeDecidedEvent.Change.MEMBER_APPOINTED,
                    command.unitCode(),
                    null,
                    command.personId(),
                    decidedBy);
        }
    }

    @CommandHandler
    public void handle(AppointOfficeDirectorCommand command, RosterLookup lookup, ConflictResolver conflicts) {
        conflicts.detectConflicts(ConferenceConflicts.ANY);
        refuseIfDissolved();
        notBeforeEstablishment(command.effectiveOn());
        Seat seat = seats.get(command.personId());
        if (seat == null) {
            throw rule(
                    OFFICE_DIRECTOR_IS_SEATED,
                    "the office director serves concurrently (兼任): " + command.personId()
                            + " holds no seat in the conference");
        }
        if (command.personId().equals(officeDirectorPersonId)) {
            throw conflict(OFFICE_DIRECTOR_IS_SEATED, seat.name() + " is already the office director");
        }
        RosterDecision decidedBy = command.decidedBy() == null ? null : conferenceDecided(command.decidedBy(), lookup);
        apply(new OfficeDirectorAppointedEvent(conferenceId, command.personId(), seat.name(), command.effectiveOn()));
        if (decidedBy != null) {
            decided(
                    RosterChangeDecidedEvent.Change.OFFICE_DIRECTOR_APPOINTED,
                    null,
                    null,
                    command.personId(),
                    decidedBy);
        }
    }

    @CommandHandler
    public void handle(ProposeMemberChangeCommand command, ConflictResolver conflicts) {
        conflicts.detectConflicts(ConferenceConflicts.aboutUnit(command.unitCode()));
        refuseIfDissolved();
        activeUnit(command.unitCode());
        unitProposesOwnChange(command);
        if (usedChangeIds.contains(command.changeId())) {
            throw conflict(CHANGE_ID_UNIQUE, "member change " + command.changeId() + " already exists");
        }
        outgoingHoldsTheSeat(command.unitCode(), command.outgoingPersonId());
        onePersonOneSeat(command.incoming().personId());
        onePendingChangePerUnit(command.unitCode());
        apply(new MemberChangeProposedEvent(
                conferenceId,
                command.changeId(),
                command.unitCode(),
                command.outgoingPersonId(),
                command.incoming(),
                command.reason(),
                command.proposedOn()));
    }

    @CommandHandler
    public void handle(ConfirmMemberChangeCommand command, RosterLookup lookup, ConflictResolver conflicts) {
        refuseIfDissolved();
        PendingChange change = pendingChange(command.changeId());
        conflicts.detectConflicts(ConferenceConflicts.aboutUnit(change.unitCode()));
        Seat outgoing = seats.get(change.outgoingPersonId());
        notBefore(command.effectiveOn(), outgoing.since(), "the outgoing person took the seat");
        onePersonOneSeat(change.incoming().personId());
        RosterDecision decidedBy = conferenceDecided(command.decidedBy(), lookup);
        apply(new MemberReplacedEvent(
                conferenceId,
                command.changeId(),
                change.unitCode(),
                outgoing.role(),
                change.outgoingPersonId(),
                change.incoming(),
                command.effectiveOn(),
                change.outgoingPersonId().equals(officeDirectorPersonId)));
        decided(
                RosterChangeDecidedEvent.Change.MEMBER_REPLACED,
                change.unitCode(),
                command.changeId(),
                change.incoming().personId(),
                decidedBy);
    }

    /**
     * 换届: the convener's or a deputy convener's seat passes to another person, as the conference decided. The
     * seat keeps its role and unit; a seat held as office director passes the directorship on or leaves it vacant,
     * as the command says, so the director is always seated (OfficeDirectorIsSeated).
     */
    @CommandHandler
    public void handle(SucceedSeatCommand command, RosterLookup lookup, ConflictResolver conflicts) {
        Seat outgoing = seats.get(command.outgoingPersonId());
        conflicts.detectConflicts(
                outgoing == null || command.outgoingPersonId().equals(officeDirectorPersonId)
                        ? ConferenceConflicts.ANY
                        : ConferenceConflicts.aboutUnit(outgoing.unitCode()));
        refuseIfDissolved();
        if (outgoing == null) {
            throw notFound(KNOWN_SEAT, command.outgoingPersonId() + " holds no seat in conference " + conferenceId);
        }
        if (outgoing.role() == SeatRole.MEMBER) {
            throw rule(
                    SUCCESSION_OF_CONVENING_SEATS,
                    outgoing.name() + " holds a member's seat for unit " + outgoing.unitCode()
                            + "; it changes through a member change proposed by the unit");
        }
        notBeforeEstablishment(command.effectiveOn());
        notBefore(command.effectiveOn(), outgoing.since(), "the outgoing person took the seat");
        onePersonOneSeat(command.incoming().personId());
        if (outgoing.unitCode() != null) {
            onePendingChangePerUnit(outgoing.unitCode());
        }
        boolean director = command.outgoingPersonId().equals(officeDirectorPersonId);
        if (director && command.officeDirector() == null) {
            throw rule(
                    OFFICE_DIRECTOR_IS_SEATED,
                    outgoing.name() + " is also the office director: say whether the " + "directorship passes to "
                            + command.incoming().name() + " (TO_INCOMING) or falls vacant (VACATE)");
        }
        if (!director && command.officeDirector() != null) {
            throw rule(
                    OFFICE_DIRECTOR_IS_SEATED,
                    outgoing.name() + " is not the office director; the succession "
                            + "says nothing of the directorship");
        }
        RosterDecision decidedBy = conferenceDecided(command.decidedBy(), lookup);
        apply(new SeatSucceededEvent(
                conferenceId,
                outgoing.role(),
                outgoing.unitCode(),
                command.outgoingPersonId(),
                command.incoming(),
                command.effectiveOn(),
                command.officeDirector(),
                decidedBy));
    }

    @CommandHandler
    public void handle(RejectMemberChangeCommand command, ConflictResolver conflicts) {
        refuseIfDissolved();
        PendingChange change = pendingChange(command.changeId());
        conflicts.detectConflicts(ConferenceConflicts.aboutUnit(change.unitCode()));
        apply(new MemberChangeRejectedEvent(conferenceId, command.changeId(), change.unitCode(), command.reason()));
    }

    @CommandHandler
    public void handle(FileLiaisonCommand command, ConflictResolver conflicts) {
        conflicts.detectConflicts(ConferenceConflicts.aboutUnit(command.unitCode()));
        refuseIfDissolved();
        notBeforeEstablishment(command.effectiveOn());
        Unit unit = units.get(command.unitCode());
        if (unit == null || !unit.active()) {
            throw rule(
                    LIAISON_OF_ACTIVE_UNIT,
                    "a liaison is filed for an active member unit; " + command.unitCode() + " is not one");
        }
        LiaisonFilingWindow.check(command.effectiveOn(), command.filing());
        notBefore(command.effectiveOn(), unit.since(), "the unit joined");
        LocalDate current = liaisonSince.get(command.unitCode());
        if (current != null && command.effectiveOn().isBefore(current)) {
            throw rule(
                    LIAISON_HISTORY_IN_ORDER,
                    "the unit's current liaison is on record from " + current + "; a filing dated "
                            + command.effectiveOn() + " would rewrite that history");
        }
        apply(new LiaisonFiledEvent(
                conferenceId,
                command.unitCode(),
                command.name(),
                command.title(),
                command.phone(),
                command.effectiveOn()));
    }

    @CommandHandler
    public void handle(DissolveConferenceCommand command, ConflictResolver conflicts) {
        conflicts.detectConflicts(ConferenceConflicts.ANY);
        refuseIfDissolved();
        notBeforeEstablishment(command.effectiveOn());
        apply(new ConferenceDissolvedEvent(conferenceId, command.reason(), command.effectiveOn()));
    }

    // ---- named rules -------------------------------------------------------------------------

    private void refuseIfDissolved() {
        if (dissolved) {
            throw conflict(DISSOLVED_CONFERENCE_REFUSES, "conference " + conferenceId + " is dissolved");
        }
    }

    private void notBeforeEstablishment(LocalDate effectiveOn) {
        notBefore(effectiveOn, establishedOn, "the conference was established");
    }

    private static void notBefore(LocalDate effectiveOn, LocalDate earliest, String what) {
        if (effectiveOn != null && earliest != null && effectiveOn.isBefore(earliest)) {
            throw rule(
                    NOT_BEFORE_ESTABLISHMENT,
                    "effective date " + effectiveOn + " is before " + what + " (" + earliest + ")");
        }
    }

    private Unit activeUnit(String unitCode) {
        Unit unit = units.get(unitCode);
        if (unit == null) {
            throw notFound(KNOWN_UNIT, "no member unit " + unitCode + " in conference " + conferenceId);
        }
        if (!unit.active()) {
            throw rule(SEAT_BELONGS_TO_ACTIVE_UNIT, "unit " + unitCode + " was removed from the conference");
        }
        return unit;
    }

    private void atMostOneConvener() {
        if (convenerPersonId != null) {
            throw rule(
                    AT_MOST_ONE_CONVENER,
                    "the conference already has a convener: "
                            + seats.get(convenerPersonId).name());
        }
    }

    private void onePersonOneSeat(String personId) {
        Seat seat = seats.get(personId);
        if (seat != null) {
            throw rule(
                    ONE_SEAT_PER_PERSON, seat.name() + " (" + personId + ") already holds a " + seat.role() + " seat");
        }
    }

    private void oneSeatPerUnit(String unitCode) {
        String holder = personRepresenting(unitCode);
        if (holder != null) {
            throw rule(
                    ONE_SEAT_PER_UNIT,
                    "unit " + unitCode + " is already represented by "
                            + seats.get(holder).name() + "; replace a member through a member change");
        }
    }

    private void officeHostStays(String unitCode) {
        if (unitCode.equals(leadUnitCode)) {
            throw rule(OFFICE_HOST_STAYS, "unit " + unitCode + " hosts the conference office and cannot be removed");
        }
    }

    private void unitProposesOwnChange(ProposeMemberChangeCommand command) {
        if (!command.unitCode().equals(command.proposingUnitCode())) {
            throw rule(
                    UNIT_PROPOSES_OWN_MEMBER_CHANGE,
                    "a member change is proposed by the unit concerned ("
                            + command.unitCode() + "), not by "
                            + Objects.requireNonNullElse(command.proposingUnitCode(), "a user bound to no unit"));
        }
    }

    private void outgoingHoldsTheSeat(String unitCode, String outgoingPersonId) {
        Seat seat = seats.get(outgoingPersonId);
        if (seat == null || !unitCode.equals(seat.unitCode())) {
            throw rule(OUTGOING_HOLDS_THE_SEAT, outgoingPersonId + " does not hold the seat of unit " + unitCode);
        }
    }

    private void onePendingChangePerUnit(String unitCode) {
        boolean pending =
                pendingChanges.values().stream().anyMatch(c -> c.unitCode().equals(unitCode));
        if (pending) {
            throw conflict(
                    ONE_PENDING_CHANGE_PER_UNIT,
                    "unit " + unitCode + " already has a member change awaiting the conference's decision");
        }
    }

    /**
     * The decision a roster change carries, checked: present and complete for its kind; a link to minutes names an
     * agreed matter that issued minutes carry, whose number and issue date complete the link when not given.
     */
    private RosterDecision conferenceDecided(RosterDecision decidedBy, RosterLookup lookup) {
        if (decidedBy == null || decidedBy.kind() == null) {
            throw rule(
                    CONFERENCE_DECIDES_ROSTER_CHANGES,
                    "联席会议确定: say how the conference decided this change "
                            + "(decidedBy: a meeting's agreed matter, or MEETING / CIRCULATION / DOCUMENT / OTHER with a "
                            + "reference and the day decided)");
        }
        if (decidedBy.kind() == RosterDecision.Kind.MINUTES) {
            if (blank(decidedBy.meetingId()) || blank(decidedBy.decisionId())) {
                throw rule(
                        CONFERENCE_DECIDES_ROSTER_CHANGES,
                        "a decision in minutes names the meeting (meetingId) " + "and the agreed matter (decisionId)");
            }
            List<String> minutes = lookup.issuedMinutesOf(decidedBy.meetingId());
            if (minutes.isEmpty()) {
                throw rule(
                        DECISION_IN_ISSUED_MINUTES,
                        "meeting " + decidedBy.meetingId()
                                + " has issued no minutes; a roster change cites an agreed matter of issued minutes");
            }
            RosterLookup.IssuedMatter matter = lookup.issuedMatter(decidedBy.meetingId(), decidedBy.decisionId())
                    .orElseThrow(() -> rule(
                            DECISION_IN_ISSUED_MINUTES,
                            "the issued minutes of meeting "
                                    + decidedBy.meetingId() + " (" + String.join("、", minutes)
                                    + ") carry no agreed matter "
                                    + decidedBy.decisionId() + "; cite one of their matters (议定事项)"));
            notBeforeEstablishment(decidedBy.decidedOn());
            // The minutes that issued the matter are the reference, and their issue date the day decided,
            // unless the office gives them.
            return new RosterDecision(
                    decidedBy.kind(),
                    decidedBy.meetingId(),
                    decidedBy.decisionId(),
                    blank(decidedBy.reference()) ? matter.documentNo() : decidedBy.reference(),
                    decidedBy.decidedOn() == null ? matter.issuedOn() : decidedBy.decidedOn());
        }
        if (blank(decidedBy.reference()) || decidedBy.decidedOn() == null) {
            throw rule(
                    CONFERENCE_DECIDES_ROSTER_CHANGES,
                    "a decision taken by " + decidedBy.kind()
                            + " names its reference (文号 or file) and the day it was decided (decidedOn)");
        }
        notBeforeEstablishment(decidedBy.decidedOn());
        return new RosterDecision(decidedBy.kind(), null, null, decidedBy.reference(), decidedBy.decidedOn());
    }

    private void decided(
            RosterChangeDecidedEvent.Change change,
            String unitCode,
            String changeId,
            String personId,
            RosterDecision decidedBy) {
        apply(new RosterChangeDecidedEvent(conferenceId, change, unitCode, changeId, personId, decidedBy));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private PendingChange pendingChange(String changeId) {
        PendingChange change = pendingChanges.get(changeId);
        if (change == null) {
            if (usedChangeIds.contains(changeId)) {
                throw conflict(CHANGE_IS_PENDING, "member change " + changeId + " was already decided");
            }
            throw notFound(KNOWN_CHANGE, "no member change " + changeId);
        }
        return change;
    }

    private String personRepresenting(String unitCode) {
        return seats.entrySet().stream()
                .filter(e -> unitCode.equals(e.getValue().unitCode()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    // ---- state -------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(ConferenceEstablishedEvent event) {
        conferenceId = event.conferenceId();
        establishedOn = event.establishedOn();
        leadUnitCode = event.leadUnitCode();
    }

    @EventSourcingHandler
    void on(MemberUnitAddedEvent event) {
        units.put(event.unitCode(), new Unit(event.name(), true, event.effectiveOn()));
    }

    @EventSourcingHandler
    void on(MemberUnitRemovedEvent event) {
        Unit unit = units.get(event.unitCode());
        units.put(event.unitCode(), new Unit(unit.name(), false, event.effectiveOn()));
        if (event.vacatedPersonId() != null) {
            seats.remove(event.vacatedPersonId());
            if (event.vacatedPersonId().equals(officeDirectorPersonId)) {
                officeDirectorPersonId = null;
            }
        }
        pendingChanges.values().removeIf(c -> c.unitCode().equals(event.unitCode()));
    }

    @EventSourcingHandler
    void on(MemberAppointedEvent event) {
        seats.put(event.personId(), new Seat(event.name(), event.role(), event.unitCode(), event.effectiveOn()));
        if (event.role() == SeatRole.CONVENER) {
            convenerPersonId = event.personId();
        }
    }

    @EventSourcingHandler
    void on(OfficeDirectorAppointedEvent event) {
        officeDirectorPersonId = event.personId();
    }

    @EventSourcingHandler
    void on(MemberChangeProposedEvent event) {
        usedChangeIds.add(event.changeId());
        pendingChanges.put(
                event.changeId(), new PendingChange(event.unitCode(), event.outgoingPersonId(), event.incoming()));
    }

    @EventSourcingHandler
    void on(MemberReplacedEvent event) {
        pendingChanges.remove(event.changeId());
        Seat outgoing = seats.remove(event.outgoingPersonId());
        seats.put(
                event.incoming().personId(),
                new Seat(event.incoming().name(), outgoing.role(), event.unitCode(), event.effectiveOn()));
        if (event.officeDirectorVacated()) {
            officeDirectorPersonId = null;
        }
    }

    @EventSourcingHandler
    void on(SeatSucceededEvent event) {
        seats.remove(event.outgoingPersonId());
        seats.put(
                event.incoming().personId(),
                new Seat(event.incoming().name(), event.role(), event.unitCode(), event.effectiveOn()));
        if (event.role() == SeatRole.CONVENER) {
            convenerPersonId = event.incoming().personId();
        }
        if (event.officeDirector() == OfficeDirectorHandover.TO_INCOMING) {
            officeDirectorPersonId = event.incoming().personId();
        } else if (event.officeDirector() == OfficeDirectorHandover.VACATE) {
            officeDirectorPersonId = null;
        }
    }

    @EventSourcingHandler
    void on(MemberChangeRejectedEvent event) {
        pendingChanges.remove(event.changeId());
    }

    @EventSourcingHandler
    void on(LiaisonFiledEvent event) {
        liaisonSince.merge(event.unitCode(), event.effectiveOn(), (a, b) -> a.isAfter(b) ? a : b);
    }

    @EventSourcingHandler
    void on(ConferenceDissolvedEvent event) {
        dissolved = true;
    }
}
