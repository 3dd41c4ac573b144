package cn.qinghai.ledger.events.task;

import java.util.List;

public record UnitStatusList(List<UnitStatusView> items, long total) {}
