package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MemberUnitAddedEvent(
        String conferenceId,
        String unitCode,
        String name,
        List<String> duties,
        LocalDate effectiveOn) {
}
