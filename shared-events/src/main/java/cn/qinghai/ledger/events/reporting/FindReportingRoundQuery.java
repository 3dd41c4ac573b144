package cn.qinghai.ledger.events.reporting;

/** One round with every expected unit's state. */
public record FindReportingRoundQuery(String roundId) {}
