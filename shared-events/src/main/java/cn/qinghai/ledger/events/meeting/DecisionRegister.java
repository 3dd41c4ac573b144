package cn.qinghai.ledger.events.meeting;

import java.util.List;

public record DecisionRegister(List<DecisionRow> items, long total) {}
