package cn.qinghai.ledger.events.meeting;

/** 代参会: someone attending in place of the unit's member. */
public record StandIn(String unitCode, String name, String title) {}
