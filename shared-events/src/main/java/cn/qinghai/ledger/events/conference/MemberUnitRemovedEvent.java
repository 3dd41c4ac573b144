package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The unit is no longer a member unit. Its member seat and its liaison post end with it:
 * {@code vacatedPersonId} names who held the seat (null if nobody did).
 */
@Revision("1")
public record MemberUnitRemovedEvent(
        String conferenceId,
        String unitCode,
        String reason,
        LocalDate effectiveOn,
        String vacatedPersonId) {
}
