package cn.qinghai.ledger.events.meeting;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MatterSubmittedForApprovalEvent(
        String meetingId,
        String decisionId,
        String submittedTo,
        String documentNo,
        LocalDate submittedOn) {
}
