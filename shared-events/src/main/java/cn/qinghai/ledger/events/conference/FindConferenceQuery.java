package cn.qinghai.ledger.events.conference;

/** One conference's overview. Answered with an optional {@link ConferenceOverview}. */
public record FindConferenceQuery(String conferenceId) {}
