package cn.qinghai.ledger.events.meeting;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The major matter is approved; its tasks are assigned now. */
@ChineseName("报批事项批准")
@Revision("1")
public record MatterApprovedEvent(
        String meetingId, String decisionId, String approver, String documentNo, LocalDate decidedOn) {}
