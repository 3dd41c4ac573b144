package cn.qinghai.ledger.events.meeting;

/** A participant unit that did not attend, and why (请假事由). */
public record Absence(String unitCode, String reason) {}
