package cn.qinghai.ledger.events.meeting;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MeetingCancelledEvent(String meetingId, String reason) {
}
