package cn.qinghai.ledger.events.conference;

/** All conferences, one page. Answered with {@link ConferenceList}. */
public record FindConferencesQuery(int page, int size) {}
