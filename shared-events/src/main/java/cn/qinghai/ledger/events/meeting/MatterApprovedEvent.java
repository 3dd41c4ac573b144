package cn.qinghai.ledger.events.meeting;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The major matter is approved; its tasks are assigned now. */
@Revision("1")
public record MatterApprovedEvent(
        String meetingId,
        String decisionId,
        String approver,
        String documentNo,
        LocalDate decidedOn) {
}
