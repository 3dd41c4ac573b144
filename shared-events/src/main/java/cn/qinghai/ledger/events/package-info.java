/**
 * The published language of the joint-conference ledger (联席会议台账): commands, events, queries,
 * ids and enums, grouped by aggregate. Plain records with no Spring and no persistence types, so that
 * other services can depend on this jar alone. Every event carries {@code @Revision}; a change of
 * shape gets a new revision and an upcaster on the reading side.
 */
package cn.qinghai.ledger.events;
