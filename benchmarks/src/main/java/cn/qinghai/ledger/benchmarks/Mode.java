package cn.qinghai.ledger.benchmarks;

import java.time.Duration;

/**
 * The sizes and durations of one run. {@code quick} is for CI (a few minutes, asserts nothing about
 * time; stores of 2k and 10k events, so its ratios say little about scaling), {@code medium} 10k and 100k events,
 * {@code full} the sizes (10k and 1M events, 100k tasks).
 *
 * @param baseEvents   stored events at the "small" measurement point (the 10k)
 * @param largeEvents  stored events at the "large" point (the 1M; quick and medium use less)
 * @param window       how long each closed-loop throughput measurement runs
 * @param warmup       closed-loop warm-up before the first measurement (JIT, pools, caches)
 * @param lagWindow    how long each steady-load lag measurement runs
 * @param queryBudget  at most this long (and {@link #querySamples} requests) per query and size
 * @param rawWindow    how long each raw JDBC reference runs
 * @param defaultReplayWindow at most this long for the Axon-default replay (its rate is what counts)
 * @param catchUpTimeout the longest wait for projections to catch up before a figure is given up
 */
record Mode(
        String name,
        long baseEvents,
        long largeEvents,
        Duration window,
        Duration warmup,
        Duration lagWindow,
        Duration queryBudget,
        int querySamples,
        Duration rawWindow,
        Duration defaultReplayWindow,
        Duration catchUpTimeout,
        boolean postgresAtLarge) {

    /** The what-if replay (batch size 1) costs one more start of the application: not in quick mode. */
    boolean whatIfs() {
        return !name.equals("quick");
    }

    static Mode of(String name) {
        return switch (name) {
            case "quick" ->
                new Mode(
                        "quick",
                        2_000,
                        10_000,
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(6),
                        Duration.ofSeconds(1),
                        100,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(3),
                        false);
            case "medium" ->
                new Mode(
                        "medium",
                        10_000,
                        100_000,
                        Duration.ofSeconds(15),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(10),
                        300,
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(60),
                        Duration.ofMinutes(30),
                        false);
            case "full" ->
                new Mode(
                        "full",
                        10_000,
                        1_000_000,
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(20),
                        1000,
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(120),
                        Duration.ofMinutes(120),
                        true);
            default -> throw new IllegalArgumentException("--mode is quick, medium or full, not " + name);
        };
    }
}
