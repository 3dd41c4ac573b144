package cn.qinghai.ledger.events.task;

/** One unit's status; {@code conferenceId} may be null when one conference has the code. */
public record FindUnitStatusQuery(String conferenceId, String unitCode) {}
