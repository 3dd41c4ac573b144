package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Seats a person. {@code unitCode} names the member unit the seat represents; it is required for a
 * MEMBER, optional for a DEPUTY_CONVENER who heads a unit, and usually empty for the CONVENER.
 * {@code decidedBy} records the decision seating the person when the office knows it (optional).
 */
public record AppointMemberCommand(
        @TargetAggregateIdentifier String conferenceId,
        String personId,
        String name,
        String title,
        SeatRole role,
        String unitCode,
        LocalDate effectiveOn,
        RosterDecision decidedBy) {

    /** An appointment with no decision on record. */
    public AppointMemberCommand(
            String conferenceId,
            String personId,
            String name,
            String title,
            SeatRole role,
            String unitCode,
            LocalDate effectiveOn) {
        this(conferenceId, personId, name, title, role, unitCode, effectiveOn, null);
    }
}
