package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OfficeDirectorAppointedEvent(
        String conferenceId,
        String personId,
        String name,
        LocalDate effectiveOn) {
}
