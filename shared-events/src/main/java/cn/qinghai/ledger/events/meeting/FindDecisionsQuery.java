package cn.qinghai.ledger.events.meeting;

/**
 * The decision register (议定事项台账): agreed matters of a conference and/or one meeting (either may
 * be null), in meeting order, one page. Answered with {@link DecisionRegister}.
 */
public record FindDecisionsQuery(String conferenceId, String meetingId, int page, int size) {}
