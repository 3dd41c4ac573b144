package cn.qinghai.ledger.events.meeting;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MinutesSignedEvent(
        String meetingId,
        int minutesVersion,
        String signedBy,
        String signerName,
        LocalDate signedOn) {
}
