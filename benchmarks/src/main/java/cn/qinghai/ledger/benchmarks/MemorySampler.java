package cn.qinghai.ledger.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples this JVM's heap in use (MemoryMXBean) and resident set (VmRSS) every 200 ms and keeps the
 * peaks; {@link #vmHwm()} is the kernel's own peak RSS (VmHWM in /proc/self/status). The application
 * runs in this JVM, so these are the application's figures plus the harness's small share.
 */
final class MemorySampler implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakHeap;
    private volatile long windowPeakHeap;

    MemorySampler() {
        thread = new Thread(
                () -> {
                    while (running) {
                        long used = memory.getHeapMemoryUsage().getUsed();
                        peakHeap = Math.max(peakHeap, used);
                        windowPeakHeap = Math.max(windowPeakHeap, used);
                        Workload.sleepNanos(200_000_000);
                    }
                },
                "memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    long peakHeapMiB() {
        return peakHeap / (1024 * 1024);
    }

    /** Peak heap in use since the last call. */
    long windowPeakHeapMiB() {
        long peak = windowPeakHeap;
        windowPeakHeap = 0;
        return peak / (1024 * 1024);
    }

    /** Heap in use after a full collection: the live set. */
    long liveHeapMiB() {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    static long vmHwmMiB() {
        return status("VmHWM:");
    }

    static long vmRssMiB() {
        return status("VmRSS:");
    }

    private static long status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return -1;
    }

    @Override
    public void close() {
        running = false;
    }
}
