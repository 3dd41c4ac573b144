/**
 * The audit trail (审计台账) and the evidence that history was not altered.
 * <ul>
 *   <li>{@link cn.qinghai.ledger.query.audit.AuditTrailProjection}: one entry per stored event in global
 *       order (processing group {@code audit}, one segment), with who, why, the payload and the event's
 *       link in a SHA-256 hash chain ({@link cn.qinghai.ledger.query.audit.AuditChain} over
 *       {@link cn.qinghai.ledger.query.audit.CanonicalEvent});</li>
 *   <li>{@link cn.qinghai.ledger.query.audit.AuditVerifier}: reads the event store again and reports
 *       altered, deleted and inserted events and edited trail entries; checks kept checkpoints;</li>
 *   <li>{@link cn.qinghai.ledger.query.audit.AuditExport}: streamed CSV and JSON Lines;</li>
 *   <li>{@link cn.qinghai.ledger.query.audit.EntityHistory}: one entity's events from the store.</li>
 * </ul>
 */
package cn.qinghai.ledger.query.audit;
