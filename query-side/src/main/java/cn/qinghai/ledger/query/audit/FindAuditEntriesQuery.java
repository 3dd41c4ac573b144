package cn.qinghai.ledger.query.audit;

/** A page of the audit trail in global order, filtered. */
public record FindAuditEntriesQuery(AuditFilter filter, int page, int size) {}
