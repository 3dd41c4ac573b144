package cn.qinghai.ledger.events.circular;

/** The issued circulars of one conference (all when null), latest first. Answered with {@link IssuedCircularList}. */
public record FindIssuedCircularsQuery(String conferenceId) {}
