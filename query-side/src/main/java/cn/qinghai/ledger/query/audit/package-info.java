/**
 * The audit trail (审计台账): {@link cn.qinghai.ledger.query.audit.AuditTrailProjection} records one
 * entry per stored event in global order (processing group {@code audit}, one segment), with who, why,
 * the payload and the event's link in a SHA-256 hash chain ({@link cn.qinghai.ledger.query.audit.AuditChain}
 * over {@link cn.qinghai.ledger.query.audit.CanonicalEvent}); {@link cn.qinghai.ledger.query.audit.AuditExport}
 * streams it as CSV and JSON Lines.
 */
package cn.qinghai.ledger.query.audit;
