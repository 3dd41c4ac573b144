/**
 * The unit status board (成员单位工作台账): the roster's unit directory combined at query time with each
 * unit's tasks, and per-unit gauges of open and overdue tasks. No projection of its own.
 */
package cn.qinghai.ledger.query.unitstatus;
