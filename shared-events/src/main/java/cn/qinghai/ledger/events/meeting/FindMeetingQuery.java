package cn.qinghai.ledger.events.meeting;

/** One meeting in full. Answered with an optional {@link MeetingView}. */
public record FindMeetingQuery(String meetingId) {}
