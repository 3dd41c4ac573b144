/**
 * Operating the projections: {@link cn.qinghai.ledger.query.admin.ProjectionStatus} (positions, head,
 * lag) and {@link cn.qinghai.ledger.query.admin.ProjectionReplays} (rebuilds into a fresh generation
 * of {@link cn.qinghai.ledger.query.platform.ReadModelGenerations}, switched when caught up).
 */
package cn.qinghai.ledger.query.admin;
