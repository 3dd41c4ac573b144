package cn.qinghai.ledger.events.meeting;

import cn.qinghai.ledger.events.ChineseName;
import org.axonframework.serialization.Revision;

@ChineseName("会议取消")
@Revision("1")
public record MeetingCancelledEvent(String meetingId, String reason) {}
