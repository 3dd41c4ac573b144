package cn.qinghai.ledger.events.reporting;

/** A unit expected to report in a round, with its name as the roster had it when it was expected. */
public record ExpectedUnit(String unitCode, String unitName) {}
