package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MemberAppointedEvent(
        String conferenceId,
        String personId,
        String name,
        String title,
        SeatRole role,
        String unitCode,
        LocalDate effectiveOn) {
}
