package cn.qinghai.ledger.query.audit;

import java.util.List;

/** A page of audit entries and how many match in all. */
public record AuditPage(List<AuditEntry> items, long total) {}
