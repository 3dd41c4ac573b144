package cn.qinghai.ledger.events.meeting;

/** The meetings of a conference (all conferences when {@code conferenceId} is null), latest first, one page. */
public record FindMeetingsQuery(String conferenceId, int page, int size) {}
