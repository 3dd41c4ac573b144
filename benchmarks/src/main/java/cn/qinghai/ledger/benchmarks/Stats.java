package cn.qinghai.ledger.benchmarks;

import java.util.Arrays;

/** Latency samples in nanoseconds and their percentiles (nearest rank, no interpolation). */
final class Stats {

    private long[] samples = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    synchronized void addAll(Stats other) {
        long[] theirs;
        int n;
        synchronized (other) {
            theirs = other.samples;
            n = other.size;
        }
        for (int i = 0; i < n; i++) {
            add(theirs[i]);
        }
    }

    synchronized int count() {
        return size;
    }

    /** The p-th percentile (0 < p <= 100) in milliseconds; NaN without samples. */
    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    synchronized double maxMillis() {
        long max = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, samples[i]);
        }
        return size == 0 ? Double.NaN : max / 1e6;
    }
}
