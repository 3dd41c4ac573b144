package cn.qinghai.ledger.events.conference;

import cn.qinghai.ledger.events.ChineseName;
import org.axonframework.serialization.Revision;

@ChineseName("成员调整未同意")
@Revision("1")
public record MemberChangeRejectedEvent(String conferenceId, String changeId, String unitCode, String reason) {}
