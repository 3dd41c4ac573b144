package cn.qinghai.ledger.events.circular;

/** One issued circular, with its figures as issued. Answered with an optional {@link IssuedCircularView}. */
public record FindIssuedCircularQuery(String circularId) {}
