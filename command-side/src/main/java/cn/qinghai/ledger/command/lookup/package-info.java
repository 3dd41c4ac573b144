/**
 * What the command side needs to know across aggregates — which units are active, who holds which
 * seat, which tasks are open for a unit, which minutes numbers are taken — kept in the event store's
 * database by a subscribing event processor, so it is updated in the same transaction as the events
 * it follows. Meetings and tasks check the roster here, never on the query side.
 */
package cn.qinghai.ledger.command.lookup;
