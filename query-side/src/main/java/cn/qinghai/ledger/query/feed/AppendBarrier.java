package cn.qinghai.ledger.query.feed;

import java.time.Duration;

/**
 * What the event store's writers can promise a reader: "every transaction that was appending events
 * when you asked has now ended". After that, a position the reader saw missing below events it read is
 * either committed (a re-read finds it) or empty for ever (its transaction rolled back): no transaction
 * can take a number below numbers already handed out.
 */
@FunctionalInterface
interface AppendBarrier {

    /** Waits until every transaction appending events at the time of the call has ended; false on timeout. */
    boolean awaitInFlightAppends(Duration timeout) throws InterruptedException;

    /** A store that hands out positions at commit (Axon Server): nothing is ever in flight below them. */
    AppendBarrier NONE = timeout -> true;
}
