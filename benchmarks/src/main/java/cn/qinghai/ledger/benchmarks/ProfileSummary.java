package cn.qinghai.ledger.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU went during a benchmark run: reads a Java Flight Recorder file of the run (CPU samples,
 * {@code jdk.ExecutionSample}) and prints, for each phase of the run, the share of samples by who was
 * running (HTTP request threads, projection threads, the in-process MongoDB server, ...) and by what
 * it was doing (the innermost frame's library, with Java serialization inside the MongoDB server
 * named apart). The phases come from the harness's own log ({@code [  12.3 s] what}), counted from
 * the recording's start, which is the JVM's start when recorded with {@code -XX:StartFlightRecording}.
 *
 * <pre>java -XX:StartFlightRecording=filename=run.jfr -jar ledger-benchmarks.jar --mode full > run.log
 * java -jar ledger-benchmarks.jar --profile run.jfr [--phases run.log]</pre>
 */
final class ProfileSummary {

    private static final Pattern PHASE = Pattern.compile("^\\[\\s*([0-9.]+) s] (.+)$");

    /** A stretch of the run, in seconds since the recording started. */
    record Phase(String name, double from, double to) {}

    /** A garbage collection: when (seconds since the start), its pauses, and the heap in use after it. */
    record GarbageCollection(double at, double pausedSeconds, long usedAfterBytes) {}

    private ProfileSummary() {}

    static void main(Path recording, Path log) throws IOException {
        List<RecordedEvent> samples = new ArrayList<>();
        List<RecordedEvent> gcs = new ArrayList<>();
        Map<Long, Long> usedAfterGc = new TreeMap<>();
        Instant start = null;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (start == null || e.getStartTime().isBefore(start)) {
                    start = e.getStartTime();
                }
                switch (e.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> samples.add(e);
                    case "jdk.GarbageCollection" -> gcs.add(e);
                    case "jdk.GCHeapSummary" -> {
                        if ("After GC".equals(e.getString("when"))) {
                            usedAfterGc.put(e.getLong("gcId"), e.getLong("heapUsed"));
                        }
                    }
                    default -> {}
                }
            }
        }
        if (start == null) {
            System.out.println("no events in " + recording);
            return;
        }
        List<Phase> phases = log == null ? List.of() : phases(Files.readAllLines(log));
        List<GarbageCollection> collections = new ArrayList<>();
        for (RecordedEvent gc : gcs) {
            collections.add(new GarbageCollection(
                    Duration.between(start, gc.getStartTime()).toNanos() / 1e9,
                    gc.getDuration("sumOfPauses").toNanos() / 1e9,
                    usedAfterGc.getOrDefault(gc.getLong("gcId"), 0L)));
        }
        System.out.printf(Locale.ROOT, "CPU samples in %s: %,d%n", recording, samples.size());
        summarize("whole run", samples, collections, start, 0, Double.MAX_VALUE);
        for (Phase phase : phases) {
            summarize(phase.name(), samples, collections, start, phase.from(), phase.to());
        }
    }

    static List<Phase> phases(List<String> lines) {
        List<Double> marks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            Matcher m = PHASE.matcher(line);
            if (m.matches()) {
                marks.add(Double.parseDouble(m.group(1)));
                names.add(m.group(2));
            }
        }
        List<Phase> phases = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            double to = i + 1 < marks.size() ? marks.get(i + 1) : Double.MAX_VALUE;
            if (to - marks.get(i) >= 5) { // phases shorter than 5 s hold too few samples to say anything
                phases.add(new Phase(names.get(i), marks.get(i), to));
            }
        }
        return phases;
    }

    private static void summarize(
            String name,
            List<RecordedEvent> samples,
            List<GarbageCollection> gcs,
            Instant start,
            double from,
            double to) {
        Map<String, Integer> byThread = new TreeMap<>();
        Map<String, Integer> byWhat = new TreeMap<>();
        Map<String, Integer> mongoWhat = new TreeMap<>();
        int total = 0;
        for (RecordedEvent e : samples) {
            double t = Duration.between(start, e.getStartTime()).toNanos() / 1e9;
            if (t < from || t >= to) {
                continue;
            }
            total++;
            String thread = threadGroup(e.getThread("sampledThread"));
            String what = what(e.getStackTrace());
            byThread.merge(thread, 1, Integer::sum);
            byWhat.merge(what, 1, Integer::sum);
            if (thread.equals("in-process MongoDB server")) {
                mongoWhat.merge(what, 1, Integer::sum);
            }
        }
        if (total < 50) {
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "%n== %s (%s, %,d samples)%n",
                name,
                to == Double.MAX_VALUE
                        ? String.format(Locale.ROOT, "from %.0f s", from)
                        : String.format(Locale.ROOT, "%.0f–%.0f s", from, to),
                total);
        System.out.println("  threads:  " + shares(byThread, total, 7));
        System.out.println("  doing:    " + shares(byWhat, total, 8));
        int mongo = byThread.getOrDefault("in-process MongoDB server", 0);
        if (mongo > 0) {
            System.out.println("  MongoDB server threads doing: " + shares(mongoWhat, mongo, 6));
        }
        System.out.println("  GC:       " + collections(gcs, from, to));
    }

    /**
     * The collections within a phase: how long they paused the application, and the most heap still in use
     * after one (a full old generation makes every query of the phase wait, whatever the code under test).
     */
    static String collections(List<GarbageCollection> gcs, double from, double to) {
        int count = 0;
        double paused = 0;
        long usedAfter = 0;
        for (GarbageCollection gc : gcs) {
            if (gc.at() >= from && gc.at() < to) {
                count++;
                paused += gc.pausedSeconds();
                usedAfter = Math.max(usedAfter, gc.usedAfterBytes());
            }
        }
        return String.format(
                Locale.ROOT,
                "%,d collections, paused %.1f s in all, up to %,d MiB in use after one",
                count,
                paused,
                usedAfter >> 20);
    }

    private static String shares(Map<String, Integer> counts, int total, int top) {
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(top, sorted.size()); i++) {
            Map.Entry<String, Integer> e = sorted.get(i);
            out.append(i == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100.0 * e.getValue() / total));
        }
        return out.toString();
    }

    /** Thread name (start or part) → the part of the system the thread belongs to, first match wins. */
    private static final String[][] THREAD_GROUPS = {
        {"http-nio", "HTTP request threads"},
        {"mongo-server", "in-process MongoDB server"},
        {"WorkPackage", "projections (work packages)"},
        {"Coordinator", "projections (coordinators)"},
        {"EmbeddedEventStore", "event store reader"},
        {"MVStore", "H2 background writers"},
        {"H2 ", "H2 background writers"},
        {"HttpClient", "harness clients"},
        {"client", "harness clients"},
        {"main", "harness main"},
        {"db-scheduler", "deadline scheduler"},
        {"cluster-", "MongoDB driver"},
    };

    /** Class name prefix → library, first match wins. */
    private static final String[][] LIBRARIES = {
        {"de.bwaldvogel.mongo", "mongo-java-server"},
        {"org.h2.mvstore", "H2 MVStore"},
        {"org.h2", "H2 SQL"},
        {"org.hibernate", "Hibernate"},
        {"com.mongodb", "MongoDB driver"},
        {"org.bson", "MongoDB driver"},
        {"org.axonframework", "Axon"},
        {"cn.qinghai", "ledger"},
        {"com.fasterxml.jackson", "Jackson"},
        {"org.springframework.security", "Spring Security"},
        {"org.springframework", "Spring"},
        {"org.apache.catalina", "Tomcat"},
        {"org.apache.coyote", "Tomcat"},
        {"org.apache.tomcat", "Tomcat"},
        {"io.netty", "Netty"},
        {"io.micrometer", "Micrometer"},
        {"com.zaxxer.hikari", "HikariCP"},
        {"org.postgresql", "PostgreSQL driver"},
    };

    /** Who was running: thread names grouped by the part of the system they belong to. */
    static String threadGroup(RecordedThread thread) {
        String n = thread == null || thread.getJavaName() == null ? "" : thread.getJavaName();
        for (String[] g : THREAD_GROUPS) {
            if (n.contains(g[0])) {
                return g[1];
            }
        }
        return "other";
    }

    /** What it was doing: the library of the innermost frame, Java serialization named apart. */
    static String what(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return "unknown";
        }
        List<RecordedFrame> frames = stack.getFrames();
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            if (type.startsWith("java.io.ObjectOutputStream")
                    || type.startsWith("java.io.ObjectInputStream")
                    || type.startsWith("java.io.ObjectStreamClass")) {
                return "Java serialization";
            }
        }
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            String library = library(type);
            if (library != null) {
                return library;
            }
        }
        return "JDK";
    }

    private static String library(String type) {
        for (String[] p : LIBRARIES) {
            if (type.startsWith(p[0])) {
                return p[1];
            }
        }
        return null;
    }
}
