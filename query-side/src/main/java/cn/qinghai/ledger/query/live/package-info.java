/**
 * Live read models (实时看板) for the dashboard: the unit status board and the task list as
 * subscription queries, bridged to the browser as server-sent events ({@code /api/live/units},
 * {@code /api/live/tasks}). {@link cn.qinghai.ledger.query.live.LiveUpdates} emits a change after the
 * task and roster projections have written (an interceptor on their processors, so the projections
 * stay as they are); {@link cn.qinghai.ledger.query.live.LiveStreams} re-reads the query and sends the
 * fresh answer. No projection and no data of its own.
 */
package cn.qinghai.ledger.query.live;
