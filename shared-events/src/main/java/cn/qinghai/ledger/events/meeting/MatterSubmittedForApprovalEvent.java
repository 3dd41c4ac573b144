package cn.qinghai.ledger.events.meeting;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@ChineseName("议定事项报批")
@Revision("1")
public record MatterSubmittedForApprovalEvent(
        String meetingId, String decisionId, String submittedTo, String documentNo, LocalDate submittedOn) {}
