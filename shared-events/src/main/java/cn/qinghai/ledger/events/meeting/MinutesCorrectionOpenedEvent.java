package cn.qinghai.ledger.events.meeting;

import cn.qinghai.ledger.events.ChineseName;
import org.axonframework.serialization.Revision;

@ChineseName("纪要更正")
@Revision("1")
public record MinutesCorrectionOpenedEvent(String meetingId, int minutesVersion, String reason) {}
