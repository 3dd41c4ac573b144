package cn.qinghai.ledger.query.admin;

import java.time.Instant;

/**
 * How far a projection's rebuild has come.
 *
 * @param state            COPYING while the old generation serves, SWITCHING while the live processor
 *                         is paused for the last events and the flip, then DONE, FAILED or CANCELLED
 * @param fromGeneration   the generation that served readers when the rebuild began
 * @param toGeneration     the generation being built (serving once DONE)
 * @param eventsDone       events read from the store into the new generation
 * @param eventsTotal      events to read, estimated from global positions up to {@code targetPosition}
 * @param position         global position of the last event read
 * @param targetPosition   the event store's head the copy is catching up with
 * @param eventsPerSecond  average rate so far
 * @param etaSeconds       estimated seconds to reach the target, while copying
 * @param pausedMillis     how long the live processor was paused for the switch
 */
public record ReplayProgress(
        String projection,
        State state,
        int fromGeneration,
        int toGeneration,
        long eventsDone,
        long eventsTotal,
        Long position,
        Long targetPosition,
        double eventsPerSecond,
        Long etaSeconds,
        Instant startedAt,
        Instant finishedAt,
        Long pausedMillis,
        String error) {

    public enum State {
        COPYING,
        SWITCHING,
        DONE,
        FAILED,
        CANCELLED;

        public boolean finished() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }
}
