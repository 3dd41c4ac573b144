package cn.qinghai.ledger.events.reporting;

/**
 * The rounds of {@code conferenceId} (all conferences when null); only open ones if {@code openOnly}; only those
 * expecting {@code unitCode}, each with that unit's line, when it is given.
 */
public record FindReportingRoundsQuery(String conferenceId, String unitCode, boolean openOnly) {}
