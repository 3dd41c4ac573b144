package cn.qinghai.ledger.events.meeting;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The major matter is rejected; it is closed and none of its tasks is assigned. */
@Revision("1")
public record MatterRejectedEvent(
        String meetingId,
        String decisionId,
        String approver,
        String documentNo,
        LocalDate decidedOn) {
}
