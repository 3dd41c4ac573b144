package cn.qinghai.ledger.events.meeting;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The major matter is rejected; it is closed and none of its tasks is assigned. */
@ChineseName("报批事项未获批准")
@Revision("1")
public record MatterRejectedEvent(
        String meetingId, String decisionId, String approver, String documentNo, LocalDate decidedOn) {}
