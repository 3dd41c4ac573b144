/**
 * An example subscriber of the joint-conference ledger: a separate Spring Boot service with an Axon
 * tracking event processor on the ledger's event store, using only the published language
 * ({@code shared-events}). {@link cn.qinghai.ledger.subscriber.LedgerEventStoreConfiguration} says how
 * the store is read without the ledger's code; {@link cn.qinghai.ledger.subscriber.TaskFollower} what is
 * done with the events; {@link cn.qinghai.ledger.subscriber.OverdueBoard} where it is kept.
 */
package cn.qinghai.ledger.subscriber;
