package cn.qinghai.ledger.events.task;

/**
 * The unit status board (成员单位工作台账): every member unit of a conference (all conferences when
 * {@code conferenceId} is null) with its tasks. Answered with {@link UnitStatusList}.
 */
public record FindUnitStatusBoardQuery(String conferenceId, boolean includeRemoved) {}
