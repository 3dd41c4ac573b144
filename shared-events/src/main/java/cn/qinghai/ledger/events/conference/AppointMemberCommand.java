package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Seats a person. {@code unitCode} names the member unit the seat represents; it is required for a
 * MEMBER, optional for a DEPUTY_CONVENER who heads a unit, and usually empty for the CONVENER.
 */
public record AppointMemberCommand(
        @TargetAggregateIdentifier String conferenceId,
        String personId,
        String name,
        String title,
        SeatRole role,
        String unitCode,
        LocalDate effectiveOn) {
}
