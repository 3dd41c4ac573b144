package cn.qinghai.ledger.events.conference;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@ChineseName("成员调整提出")
@Revision("1")
public record MemberChangeProposedEvent(
        String conferenceId,
        String changeId,
        String unitCode,
        String outgoingPersonId,
        Person incoming,
        String reason,
        LocalDate proposedOn) {}
