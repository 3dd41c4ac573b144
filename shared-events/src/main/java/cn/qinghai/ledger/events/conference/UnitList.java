package cn.qinghai.ledger.events.conference;

import java.util.List;

public record UnitList(List<UnitView> items, long total) {}
