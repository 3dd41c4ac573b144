package cn.qinghai.ledger.events.conference;

/** The member units of a conference (all conferences when {@code conferenceId} is null). */
public record FindUnitsQuery(String conferenceId, boolean includeRemoved) {}
