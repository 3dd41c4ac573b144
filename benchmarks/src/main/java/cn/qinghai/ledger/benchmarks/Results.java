package cn.qinghai.ledger.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Named figures of one run, printed as a table and written as JSON with the date and the machine. */
final class Results {

    /** One figure; {@code target} and {@code holds} only for the targets. */
    record Figure(
            String name, Double value, String unit, String reference, String target, Boolean holds, String what) {}

    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final String mode;
    private final OffsetDateTime started = OffsetDateTime.now();

    Results(String mode) {
        this.mode = mode;
    }

    void setting(String name, Object value) {
        settings.put(name, value);
    }

    void note(String text) {
        if (!notes.contains(text)) {
            System.out.println("  note: " + text);
            notes.add(text);
        }
    }

    void put(String name, double value, String unit, String reference, String what) {
        figures.put(name, new Figure(name, finite(value), unit, reference, null, null, what));
        System.out.printf(
                Locale.ROOT, "  %-44s %12s %-8s %s%n", name, format(value), unit, reference == null ? "" : reference);
    }

    void put(String name, double value, String unit, String what) {
        put(name, value, unit, null, what);
    }

    /** A figure with one of the targets: at least (or at most) {@code bound}. */
    void target(String name, double value, String reference, boolean atLeast, double bound, String what) {
        boolean holds = Double.isFinite(value) && (atLeast ? value >= bound : value <= bound);
        String target = (atLeast ? ">= " : "<= ") + format(bound);
        figures.put(name, new Figure(name, finite(value), "ratio", reference, target, holds, what));
        System.out.printf(
                Locale.ROOT,
                "  %-44s %12s %-8s %s [target %s: %s]%n",
                name,
                format(value),
                "ratio",
                reference == null ? "" : reference,
                target,
                holds ? "holds" : "MISSED");
    }

    void flag(String name, boolean value, String reference, String what) {
        figures.put(name, new Figure(name, value ? 1.0 : 0.0, "boolean", reference, "true", value, what));
        System.out.printf(
                Locale.ROOT,
                "  %-44s %12s %-8s %s [target true: %s]%n",
                name,
                value,
                "",
                reference,
                value ? "holds" : "MISSED");
    }

    Double value(String name) {
        Figure f = figures.get(name);
        return f == null ? null : f.value();
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static String format(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        if (Math.abs(v) >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.3f", v);
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        long total = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    total = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        m.put("memoryMiB", total);
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments());
        m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        m.put("loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return m;
    }

    void printTable() {
        System.out.println();
        System.out.printf(Locale.ROOT, "Ledger benchmarks, mode %s, %s, %s%n", mode, started.toLocalDate(), machine());
        String line = "-".repeat(150);
        System.out.println(line);
        System.out.printf(
                Locale.ROOT, "%-44s %14s %-8s %-14s %-8s %s%n", "figure", "value", "unit", "target", "holds", "beside");
        System.out.println(line);
        for (Figure f : figures.values()) {
            System.out.printf(
                    Locale.ROOT,
                    "%-44s %14s %-8s %-14s %-8s %s%n",
                    f.name(),
                    "boolean".equals(f.unit())
                            ? String.valueOf(f.holds())
                            : format(f.value() == null ? Double.NaN : f.value()),
                    "boolean".equals(f.unit()) ? "" : f.unit(),
                    f.target() == null ? "" : f.target(),
                    f.holds() == null ? "" : f.holds() ? "yes" : "NO",
                    f.reference() == null ? "" : f.reference());
        }
        System.out.println(line);
    }

    void write(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", started.toString());
        json.put("finished", OffsetDateTime.now().toString());
        json.put("mode", mode);
        json.put("machine", machine());
        json.put("settings", settings);
        Map<String, Object> values = new LinkedHashMap<>();
        figures.values().forEach(f -> values.put(f.name(), "boolean".equals(f.unit()) ? f.holds() : f.value()));
        json.put("figures", values);
        json.put("details", new ArrayList<>(figures.values()));
        json.put("notes", notes);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }
}
