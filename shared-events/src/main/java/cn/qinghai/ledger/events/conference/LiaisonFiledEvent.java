package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record LiaisonFiledEvent(
        String conferenceId,
        String unitCode,
        String name,
        String title,
        String phone,
        LocalDate effectiveOn) {
}
