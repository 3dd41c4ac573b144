/**
 * The unit status board (成员单位工作台账): the roster's unit directory combined at query time with each
 * unit's tasks, and per-unit gauges of open and overdue tasks. It keeps the units' task counts
 * ({@link cn.qinghai.ledger.query.unitstatus.UnitTaskCounts}) from the tasks projection's moves, in the
 * task list's generation; no projection of its own.
 */
package cn.qinghai.ledger.query.unitstatus;
