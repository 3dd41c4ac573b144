package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A confirmed member change: {@code incoming} takes the seat of {@code outgoingPersonId} in the same
 * role for the same unit. If the outgoing person was the office director, that post is now vacant
 * ({@code officeDirectorVacated}).
 */
@Revision("1")
public record MemberReplacedEvent(
        String conferenceId,
        String changeId,
        String unitCode,
        SeatRole role,
        String outgoingPersonId,
        Person incoming,
        LocalDate effectiveOn,
        boolean officeDirectorVacated) {
}
