package cn.qinghai.ledger.events.meeting;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MinutesCorrectionOpenedEvent(String meetingId, int minutesVersion, String reason) {
}
