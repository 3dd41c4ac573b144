package cn.qinghai.ledger.events.meeting;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@ChineseName("纪要签发")
@Revision("1")
public record MinutesSignedEvent(
        String meetingId, int minutesVersion, String signedBy, String signerName, LocalDate signedOn) {}
