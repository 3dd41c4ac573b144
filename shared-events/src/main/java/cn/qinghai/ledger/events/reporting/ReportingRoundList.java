package cn.qinghai.ledger.events.reporting;

import java.util.List;

/** Reporting rounds, the latest opened first. */
public record ReportingRoundList(List<ReportingRoundRow> items) {}
