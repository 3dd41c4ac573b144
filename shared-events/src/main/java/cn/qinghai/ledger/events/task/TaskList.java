package cn.qinghai.ledger.events.task;

import java.util.List;

public record TaskList(List<TaskRow> items, long total) {}
