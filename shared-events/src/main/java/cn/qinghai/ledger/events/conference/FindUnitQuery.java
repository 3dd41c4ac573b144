package cn.qinghai.ledger.events.conference;

/** One member unit by code; {@code conferenceId} may be null when only one conference has the code. */
public record FindUnitQuery(String conferenceId, String unitCode) {}
