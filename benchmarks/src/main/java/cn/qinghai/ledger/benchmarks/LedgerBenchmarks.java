package cn.qinghai.ledger.benchmarks;

import cn.qinghai.ledger.standalone.LedgerStandaloneApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ledger's benchmarks: starts the standalone application in this JVM (H2 file, then an embedded
 * PostgreSQL), drives it through its HTTP API and prints each figure beside the reference measured in
 * the same run. {@code java -jar ledger-benchmarks.jar --mode quick|medium|full [--out FILE]
 * [--work-dir DIR] [--skip-postgres]}. It asserts nothing about time. {@code --day-comparisons TASKS} runs
 * {@link DayComparisons} instead.
 */
public final class LedgerBenchmarks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] GROUPS = {"roster", "meetings", "tasks"};

    private final Mode mode;
    private final Results results;
    private final MemorySampler memory = new MemorySampler();
    private final Path work;

    private LedgerBenchmarks(Mode mode, Path work) {
        this.mode = mode;
        this.results = new Results(mode.name());
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("disable-axoniq-console-message", "true");
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--skip-postgres")) {
                options.put("skip-postgres", "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --mode quick|medium|full [--out FILE] [--work-dir DIR] [--skip-postgres],"
                        + " or --profile RUN.jfr [--phases RUN.log], or --day-comparisons TASKS [--out FILE]");
            }
        }
        if (options.containsKey("day-comparisons")) {
            DayComparisons.run(
                    Integer.parseInt(options.get("day-comparisons")),
                    Path.of(options.getOrDefault("work-dir", "target/benchmark-data"))
                            .toAbsolutePath(),
                    options.containsKey("out") ? Path.of(options.get("out")) : null);
            return;
        }
        if (options.containsKey("profile")) {
            ProfileSummary.main(
                    Path.of(options.get("profile")),
                    options.containsKey("phases") ? Path.of(options.get("phases")) : null);
            return;
        }
        Mode mode = Mode.of(options.getOrDefault("mode", "quick"));
        Path out = Path.of(options.getOrDefault("out", "target/benchmark-results.json"));
        Path work = Path.of(options.getOrDefault("work-dir", "target/benchmark-data"))
                .toAbsolutePath();
        LedgerBenchmarks bench = new LedgerBenchmarks(mode, work);
        long started = System.nanoTime();
        int status = 0;
        try {
            bench.run(!options.containsKey("skip-postgres"));
        } catch (Throwable t) {
            t.printStackTrace();
            bench.results.note("run failed: " + t);
            status = 1;
        }
        bench.results.put("run.seconds", (System.nanoTime() - started) / 1e9, "s", "the whole benchmark run");
        bench.results.printTable();
        bench.results.write(out);
        System.out.println("written " + out.toAbsolutePath());
        System.exit(status);
    }

    private void run(boolean postgres) throws Exception {
        results.setting("baseEvents", mode.baseEvents());
        results.setting("largeEvents", mode.largeEvents());
        results.setting("windowSeconds", mode.window().toSeconds());
        results.setting("lagWindowSeconds", mode.lagWindow().toSeconds());
        results.setting("commandsVia", "HTTP API (java.net.http, HTTP/1.1, Basic auth as demo users)");
        results.setting(
                "commandMix",
                "per 10 commands: 7 progress reports, 2 task assignments, 1 decision "
                        + "(+ a new special-topic meeting every 20 decisions)");
        results.setting(
                "bulkLoad",
                "EventStore.publish of whole task histories (1 TaskAssigned + 9 ProgressReported), "
                        + "1000 events per transaction");
        results.setting("readModelStore", "in-process MongoDB wire-protocol server, FILE (H2 MVStore) backend");
        results.setting(
                "h2Durability",
                "H2 file as configured (MVStore, WRITE_DELAY=0: each commit is written to "
                        + "the file before it returns, so it survives a killed process; no fsync per commit); the raw "
                        + "reference runs on the same database, so with the same setting");
        results.setting("postgresDurability", "embedded PostgreSQL with synchronous_commit=on, fsync=on");
        deleteRecursively(work);
        Files.createDirectories(work);
        attempt("H2 run", this::h2);
        if (postgres) {
            attempt("PostgreSQL run", this::postgres);
        }
        double h2Ratio = orNaN(results.value("append.h2.ratioToRawJdbc"));
        double pgRatio = orNaN(results.value("append.postgres.ratioToRawJdbc"));
        double worst = Double.isNaN(pgRatio) ? h2Ratio : Math.min(h2Ratio, pgRatio);
        results.target(
                "append.ratioToRawJdbc",
                worst,
                "8 clients, the lower of H2 and PostgreSQL",
                true,
                0.5,
                "events appended per second by 8 HTTP clients ÷ raw JDBC rows committed per second by 8 threads");
        results.put(
                "memory.rssPeakMiB",
                MemorySampler.vmHwmMiB(),
                "MiB",
                "VmHWM of this JVM (app + harness)",
                "peak resident set of the JVM over the whole run");
        results.put(
                "memory.heapUsedPeakMiB",
                memory.peakHeapMiB(),
                "MiB",
                "max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB",
                "peak heap in use sampled every 200 ms, garbage included");
        memory.close();
    }

    // ---------------------------------------------------------------- H2 file (the embedded default)

    private void h2() throws Exception {
        System.out.println("== H2 file event store (embedded default)");
        Path dir = work.resolve("h2");
        log("starting the standalone application on an empty H2 file");
        long t0 = System.nanoTime();
        ConfigurableApplicationContext app = start(dir);
        double startup = (System.nanoTime() - t0) / 1e9;
        Store store = new Store(app);
        store.awaitCaughtUp(store.head(), mode.catchUpTimeout());
        results.put(
                "startup.h2.seconds",
                startup,
                "s",
                "empty store, seed loaded; cold JVM",
                "from run() to the application serving requests");
        results.put(
                "startup.h2.readySeconds",
                (System.nanoTime() - t0) / 1e9,
                "s",
                "until the read models show the seed",
                "from run() to every projection caught up");
        int port = port(app);
        Api api = new Api(port);
        List<String> units = units(api);
        Workload load = new Workload(port, units);
        List<Workload.Client> clients = load.clients(8, 5);
        log("bulk load to " + mode.baseEvents() + " events");
        String sampleTask = bulkFill(store, "base", mode.baseEvents());
        results.put("h2.eventsAtBase", store.head(), "events", "stored events at the small measurement point");

        Map<String, double[]> queriesBase = new LinkedHashMap<>();
        attempt("queries at the small store", () -> queriesBase.putAll(queries(api, units, sampleTask)));
        attempt("warm-up", () -> {
            load.closedLoop(clients, mode.warmup());
            settle(store);
        });
        double[] raw = new double[] {Double.NaN, Double.NaN};
        attempt("raw JDBC reference", () -> {
            RawJdbc jdbc = new RawJdbc(app.getBean(DataSource.class));
            RawJdbc.Sample sample = jdbc.sample();
            raw[0] = jdbc.rate(1, mode.rawWindow(), sample);
            raw[1] = jdbc.rate(8, mode.rawWindow(), sample);
            results.put(
                    "raw.h2.rowsPerSec.threads1",
                    raw[0],
                    "rows/s",
                    "plain JDBC insert+commit, 1 thread",
                    "reference: one event-sized row per transaction into a copy of the event table");
            results.put(
                    "raw.h2.rowsPerSec.threads8",
                    raw[1],
                    "rows/s",
                    "plain JDBC insert+commit, 8 threads",
                    "reference: as above with 8 threads and connections");
        });
        attempt("commands, 1 client", () -> measure(store, load, clients.subList(0, 1), "h2", 1, raw[0]));
        attempt("commands, 8 clients", () -> measure(store, load, clients, "h2", 8, raw[1]));
        double max = orNaN(results.value("append.h2.commandsPerSec.clients8"));
        double baseRate = orNaN(results.value("append.h2.eventsPerSec.clients8"));

        attempt(
                "steady load at 50%",
                () -> {
                    settle(store);
                    lag(store, load, clients, max, 0.5, "lag.h2.at50");
                });
        attempt(
                "steady load at 80%",
                () -> {
                    settle(store);
                    lag(store, load, clients, max, 0.8, "lag.h2.at80");
                });
        Double bounded80 = results.value("lag.h2.at80.bounded");
        results.flag(
                "lag.bounded",
                bounded80 != null && bounded80 > 0,
                "at 80% of the 8-client rate, H2",
                "no probe lost, lag and backlog not growing over the window");

        // Grow the store to the large size and measure again.
        settle(store);
        long before = store.head();
        log("bulk load to " + mode.largeEvents() + " events");
        long bulkStart = System.nanoTime();
        bulkFill(store, "large", mode.largeEvents(), false);
        double bulkSeconds = (System.nanoTime() - bulkStart) / 1e9;
        long loaded = store.head() - before;
        if (loaded <= 0) {
            results.note("the commands alone had grown the store past " + mode.largeEvents() + " events: no bulk load");
        }
        results.put(
                "bulk.h2.eventsPerSec",
                loaded > 0 ? loaded / bulkSeconds : Double.NaN,
                "events/s",
                "EventStore.publish, 1000/tx",
                "how fast the bulk load appended (information)");
        log("waiting for the projections to catch up");
        double caught = store.awaitCaughtUp(store.head(), mode.catchUpTimeout());
        results.put(
                "catchup.h2.liveEventsPerSec",
                loaded > 0 ? loaded / ((System.nanoTime() - bulkStart) / 1e9) : Double.NaN,
                "events/s",
                "projections following the bulk load",
                "events loaded ÷ time until every projection caught up" + (Double.isNaN(caught) ? " (timed out)" : ""));
        long large = store.head();
        results.put("h2.eventsAtLarge", large, "events", "stored events at the large measurement point");
        attempt("queries at the large store", () -> compareQueries(queriesBase, queries(api, units, sampleTask)));

        attempt("commands, 8 clients, at the large store", () -> {
            settle(store);
            long h0 = store.head();
            Workload.Result atLarge = load.closedLoop(clients, mode.window());
            double largeRate = (store.head() - h0) / atLarge.seconds();
            results.put(
                    "append.h2.eventsPerSec.clients8.atLarge",
                    largeRate,
                    "events/s",
                    String.format(
                            Locale.ROOT,
                            "at %,d stored events; p99 %.1f ms",
                            large,
                            atLarge.latency().percentileMillis(99)),
                    "8 clients, closed loop, at the large size");
            results.target(
                    "append.ratio1MTo10k",
                    largeRate / baseRate,
                    String.format(
                            Locale.ROOT,
                            "%s vs %s events/s at %,d vs %,d events",
                            Results.format(largeRate),
                            Results.format(baseRate),
                            large,
                            mode.baseEvents()),
                    true,
                    0.8,
                    "8-client append rate at the large store ÷ at 10k events");
        });

        // Replay: reset every projection and rebuild it from the whole store.
        settle(store);
        long head = store.head();
        double[] replayRate = {Double.NaN};
        double[] replayWindowRate = {Double.NaN};
        Store rebuildable = store.only(Set.of(GROUPS));
        attempt("replay of every projection (pooled, this project's settings)", () -> {
            long r0 = System.nanoTime();
            rebuildable.resetAndStart();
            // Its first window alone too: the rate to set beside Axon's defaults, measured the same way
            // (a replay slows down as the read models grow, so only equal windows compare).
            Store.Window w = rebuildable.window(head, mode.defaultReplayWindow());
            replayWindowRate[0] = w.rate();
            double rest = rebuildable.awaitCaughtUp(head, mode.catchUpTimeout());
            double replaySeconds = (System.nanoTime() - r0) / 1e9;
            replayRate[0] = Double.isNaN(rest) ? Double.NaN : head / replaySeconds;
            results.put(
                    "replay.h2.eventsPerSec",
                    replayRate[0],
                    "events/s",
                    String.format(
                            Locale.ROOT,
                            "%,d events in %.0f s, pooled, 4 segments, batch 100, 3 projections",
                            head,
                            replaySeconds),
                    "reset the tokens of the roster, meetings and tasks processors, then events ÷ seconds until all caught up");
            results.put(
                    "replay.h2.firstWindow.eventsPerSec",
                    replayWindowRate[0],
                    "events/s",
                    String.format(Locale.ROOT, "%,d events in the first %.0f s", w.events(), w.seconds()),
                    "the same replay over its first window only, from its first handled event");
            if (Double.isNaN(rest)) {
                results.note("replay did not finish within " + mode.catchUpTimeout());
            }
        });
        attempt("raw read of the event store", () -> {
            long read0 = System.nanoTime();
            long count = store.readAll(head, false);
            double rawRead = count / ((System.nanoTime() - read0) / 1e9);
            results.put(
                    "raw.h2.readEventsPerSec",
                    rawRead,
                    "events/s",
                    String.format(Locale.ROOT, "EventStore.openStream(null), %,d events iterated", count),
                    "reference: reading the event store with payloads left serialized");
            read0 = System.nanoTime();
            count = store.readAll(head, true);
            results.put(
                    "raw.h2.readDeserializedEventsPerSec",
                    count / ((System.nanoTime() - read0) / 1e9),
                    "events/s",
                    "as above, every payload and metadata deserialized",
                    "reference: reading and deserializing");
            results.target(
                    "replay.ratioToRawRead",
                    replayRate[0] / rawRead,
                    "replay rate ÷ raw read rate",
                    true,
                    0.5,
                    "projection rebuild rate ÷ openStream iterate-and-count rate, same store, same run");
        });
        results.put(
                "memory.heapLiveAtLargeMiB",
                memory.liveHeapMiB(),
                "MiB",
                String.format(Locale.ROOT, "after full GC at %,d events", head),
                "live heap of the application");
        results.put(
                "memory.h2.heapUsedPeakMiB",
                memory.windowPeakHeapMiB(),
                "MiB",
                "H2 run, garbage included",
                "peak heap in use during the H2 run");
        results.put(
                "memory.h2.rssMiB",
                MemorySampler.vmRssMiB(),
                "MiB",
                "VmRSS at the end of the H2 run",
                "resident set after the H2 run");
        app.close();

        // Axon's defaults: a tracking processor per group, one segment, one thread, batch size 1.
        attempt("replay with Axon's default processor settings", () -> {
            List<String> defaults = new ArrayList<>(List.of("--ledger.read-model.database=ledger_axon_default"));
            for (String g : GROUPS) {
                defaults.add("--axon.eventhandling.processors." + g + ".mode=tracking");
                defaults.add("--axon.eventhandling.processors." + g + ".batch-size=1");
                defaults.add("--axon.eventhandling.processors." + g + ".initial-segment-count=1");
                defaults.add("--axon.eventhandling.processors." + g + ".thread-count=1");
            }
            long s0 = System.nanoTime();
            try (ConfigurableApplicationContext again = start(dir, defaults.toArray(String[]::new))) {
                results.put(
                        "startup.h2.seconds.atLarge",
                        (System.nanoTime() - s0) / 1e9,
                        "s",
                        String.format(Locale.ROOT, "%,d stored events, warm JVM", head),
                        "restart on the large store");
                // A fresh read-model database: the processors replay from the first event by themselves.
                // (Stopping, resetting and restarting them here made no progress at 100k events in one
                // medium run, unexplained; the window counts from the first event every one handled.)
                Store defaultStore = new Store(again).only(Set.of(GROUPS));
                Store.Window w = defaultStore.window(head, mode.defaultReplayWindow());
                if (w.events() == 0) {
                    results.note("Axon-default replay handled nothing in its window: " + defaultStore.describe());
                }
                double defaultRate = w.rate();
                results.put(
                        "replay.h2.axonDefault.eventsPerSec",
                        defaultRate,
                        "events/s",
                        String.format(
                                Locale.ROOT,
                                "tracking, 1 segment, batch 1; %,d events in %.0f s",
                                w.events(),
                                w.seconds()),
                        "the same projections from an empty read-model database with Axon's default settings");
                results.target(
                        "replay.ratioToAxonDefault",
                        replayWindowRate[0] / defaultRate,
                        "same window from an empty read model: pooled ÷ Axon default",
                        true,
                        10,
                        "this project's processor settings ÷ Axon's defaults, same projections, store and window");
            }
        });

        // What batching buys: this project's pooled processors with one event per transaction instead of
        // the configured 100 (a configuration change only; information, not a target).
        if (!mode.whatIfs()) {
            return;
        }
        attempt("what-if replay: pooled, batch size 1", () -> {
            List<String> single = new ArrayList<>(List.of("--ledger.read-model.database=ledger_batch1"));
            for (String g : GROUPS) {
                single.add("--axon.eventhandling.processors." + g + ".batch-size=1");
            }
            try (ConfigurableApplicationContext again = start(dir, single.toArray(String[]::new))) {
                Store singleStore = new Store(again).only(Set.of(GROUPS));
                Store.Window w = singleStore.window(head, mode.defaultReplayWindow());
                results.put(
                        "replay.h2.whatIfBatch1.eventsPerSec",
                        w.rate(),
                        "events/s",
                        String.format(
                                Locale.ROOT,
                                "pooled, 4 segments, batch 1; %,d events in %.0f s",
                                w.events(),
                                w.seconds()),
                        "what if axon.eventhandling.processors.<group>.batch-size=1 (not a target)");
            }
        });
    }

    // ---------------------------------------------------------------- PostgreSQL

    private void postgres() throws Exception {
        System.out.println("== PostgreSQL event store (embedded server, postgres profile)");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .start()) {
            Path dir = work.resolve("postgres");
            long t0 = System.nanoTime();
            ConfigurableApplicationContext app = start(
                    dir,
                    "--spring.profiles.active=postgres",
                    "--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=postgres");
            results.put(
                    "startup.postgres.seconds",
                    (System.nanoTime() - t0) / 1e9,
                    "s",
                    "empty store, warm JVM",
                    "from run() to the application serving requests");
            try {
                Store store = new Store(app);
                store.awaitCaughtUp(store.head(), mode.catchUpTimeout());
                int port = port(app);
                Api api = new Api(port);
                List<String> units = units(api);
                Workload load = new Workload(port, units);
                List<Workload.Client> clients = load.clients(8, 5);
                bulkFill(store, "base", mode.baseEvents());
                load.closedLoop(clients, mode.warmup());
                settle(store);
                RawJdbc raw = new RawJdbc(app.getBean(DataSource.class));
                RawJdbc.Sample sample = raw.sample();
                double raw1 = raw.rate(1, mode.rawWindow(), sample);
                double raw8 = raw.rate(8, mode.rawWindow(), sample);
                results.put(
                        "raw.postgres.rowsPerSec.threads1",
                        raw1,
                        "rows/s",
                        "plain JDBC insert+commit, 1 thread",
                        "reference: one event-sized row per transaction into a copy of the event table");
                results.put(
                        "raw.postgres.rowsPerSec.threads8",
                        raw8,
                        "rows/s",
                        "plain JDBC insert+commit, 8 threads",
                        "reference: as above with 8 threads and connections");
                measure(store, load, clients.subList(0, 1), "postgres", 1, raw1);
                measure(store, load, clients, "postgres", 8, raw8);
                if (mode.postgresAtLarge()) {
                    double base = orNaN(results.value("append.postgres.eventsPerSec.clients8"));
                    bulkFill(store, "large", mode.largeEvents());
                    settle(store);
                    long h0 = store.head();
                    Workload.Result r = load.closedLoop(clients, mode.window());
                    double rate = (store.head() - h0) / r.seconds();
                    results.put(
                            "append.postgres.eventsPerSec.clients8.atLarge",
                            rate,
                            "events/s",
                            String.format(Locale.ROOT, "at %,d stored events", h0),
                            "8 clients at the large size");
                    results.put(
                            "append.postgres.ratio1MTo10k",
                            rate / base,
                            "ratio",
                            "large ÷ 10k",
                            "PostgreSQL: 8-client append rate at the large store ÷ at 10k events");
                }
                results.put(
                        "memory.postgres.heapUsedPeakMiB",
                        memory.windowPeakHeapMiB(),
                        "MiB",
                        "PostgreSQL run, garbage included",
                        "peak heap in use during the PostgreSQL run");
            } finally {
                app.close();
            }
        }
    }

    // ---------------------------------------------------------------- pieces

    private final long born = System.nanoTime();

    private void log(String what) {
        System.out.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - born) / 1e9, what);
    }

    interface Step {
        void run() throws Exception;
    }

    /** Runs one part of the benchmark; a failure is noted and the run goes on with the next part. */
    private void attempt(String what, Step step) {
        log(what);
        try {
            step.run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            results.note(what + " failed: " + e);
        }
    }

    /** Closed-loop throughput of {@code clients}, written as figures beside the raw JDBC rate. */
    private Workload.Result measure(
            Store store, Workload load, List<Workload.Client> clients, String db, int n, double raw) {
        settle(store);
        long h0 = store.head();
        Workload.Result r = load.closedLoop(clients, mode.window());
        double events = (store.head() - h0) / r.seconds();
        String key = "append." + db;
        results.put(
                key + ".commandsPerSec.clients" + n,
                r.perSecond(),
                "cmd/s",
                String.format(
                        Locale.ROOT,
                        "p50 %.1f ms, p99 %.1f ms, %d errors",
                        r.latency().percentileMillis(50),
                        r.latency().percentileMillis(99),
                        r.errors()),
                n + " HTTP client(s), closed loop, the command mix");
        results.put(
                key + ".eventsPerSec.clients" + n,
                events,
                "events/s",
                "raw JDBC " + Results.format(raw) + " rows/s with " + n + " thread(s)",
                "events appended per second (store head delta)");
        results.put(
                key + ".ratioToRawJdbc" + (n == 8 ? "" : ".clients" + n),
                events / raw,
                "ratio",
                "events/s ÷ raw rows/s",
                "append rate ÷ raw JDBC insert-and-commit rate, " + n + " client(s)");
        if (r.errors() > 0) {
            results.note(db + " " + n + " client(s): " + r.errors() + " commands refused, first: " + r.firstError());
        }
        return r;
    }

    /**
     * Steady open-loop load at {@code fraction} of the 8-client rate, with lag probes, and a sampler of the
     * slowest projection's backlog (head − position) every 250 ms.
     */
    private void lag(
            Store store, Workload load, List<Workload.Client> clients, double max, double fraction, String key) {
        double rate = max * fraction;
        Stats lag = new Stats();
        List<long[]> timeline = new ArrayList<>();
        AtomicLong lost = new AtomicLong();
        List<Long> backlog = new ArrayList<>();
        Thread sampler = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        long position = store.slowestPosition();
                        synchronized (backlog) {
                            backlog.add(Math.max(0, store.head() - position));
                        }
                        if (!Workload.sleepNanos(250_000_000)) {
                            return;
                        }
                    }
                },
                "backlog-sampler");
        sampler.start();
        Workload.Result r = load.paced(
                clients,
                rate,
                mode.lagWindow(),
                load.lagProbe(lag, timeline, lost, 200, 10, Duration.ofSeconds(30), System::nanoTime));
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Bounded: nothing lost, the load was delivered, and neither the lag nor the backlog grew.
        Stats firstHalf = new Stats();
        Stats secondHalf = new Stats();
        long half = mode.lagWindow().toNanos() / 2;
        for (long[] t : timeline) {
            (t[0] < half ? firstHalf : secondHalf).add(t[1]);
        }
        double p99a = firstHalf.percentileMillis(99);
        double p99b = secondHalf.percentileMillis(99);
        double q2;
        double q4;
        synchronized (backlog) {
            int n = backlog.size();
            q2 = mean(backlog.subList(n / 4, Math.max(n / 4 + 1, n / 2)));
            q4 = mean(backlog.subList(Math.min(n - 1, 3 * n / 4), n));
        }
        boolean delivered = r.perSecond() >= 0.9 * rate;
        boolean lagSteady = lag.count() > 0 && (Double.isNaN(p99b) || p99b <= 2 * p99a + 250);
        boolean backlogSteady = q4 <= q2 + rate;
        boolean bounded = lost.get() == 0 && delivered && lagSteady && backlogSteady;
        results.put(
                key + ".commandsPerSec",
                r.perSecond(),
                "cmd/s",
                "target " + Results.format(rate)
                        + String.format(
                                Locale.ROOT,
                                " (%.0f%% of %s); latency p99 %.1f ms",
                                fraction * 100,
                                Results.format(max),
                                r.latency().percentileMillis(99)),
                "achieved rate of the paced load");
        results.put(
                key + ".lagP50Ms",
                lag.percentileMillis(50),
                "ms",
                lag.count() + " probes, " + lost.get() + " lost",
                "command accepted → visible in GET /api/tasks/{tid}, polled every 10 ms");
        results.put(
                key + ".lagP99Ms",
                lag.percentileMillis(99),
                "ms",
                String.format(Locale.ROOT, "1st half p99 %.0f ms, 2nd half %.0f ms", p99a, p99b),
                "as above, 99th percentile");
        results.put(
                key + ".backlogEvents",
                q4,
                "events",
                String.format(Locale.ROOT, "mean of last quarter; 2nd quarter %.1f", q2),
                "head − slowest projection position");
        results.put(
                key + ".bounded",
                bounded ? 1 : 0,
                "0/1",
                String.format(
                        Locale.ROOT,
                        "lost %d, delivered %s, lag steady %s, backlog steady %s",
                        lost.get(),
                        delivered,
                        lagSteady,
                        backlogSteady),
                "1 when the projection kept up with the load");
    }

    private static double mean(List<Long> xs) {
        return xs.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
    }

    /** Query latency p50/p99 per query, sequential requests as one dashboard user. */
    private Map<String, double[]> queries(Api api, List<String> units, String sampleTask) {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("unitBoard", "/api/units?conferenceId=" + Workload.CID);
        paths.put("taskList", "/api/tasks?conferenceId=" + Workload.CID + "&unit=" + units.get(1) + "&size=50");
        paths.put("taskListRed", "/api/tasks?conferenceId=" + Workload.CID + "&rag=RED&size=50");
        paths.put("taskDetail", "/api/tasks/" + sampleTask);
        if (api.get("auditor", "/api/audit?size=50").status() == 200) {
            paths.put("auditSearch", "/api/audit?size=50");
        } else {
            results.note("GET /api/audit is not in this branch: audit search not measured");
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (var e : paths.entrySet()) {
            // the audit trail is the auditor's; the rest is what a dashboard viewer reads
            String user = e.getKey().equals("auditSearch") ? "auditor" : "viewer";
            log("query " + e.getKey()); // a phase of its own in the profile, with its collections
            Stats s = new Stats();
            for (int i = 0; i < 3; i++) {
                api.get(user, e.getValue());
            }
            long end = System.nanoTime() + mode.queryBudget().toNanos();
            int bad = 0;
            while (s.count() < mode.querySamples() && (System.nanoTime() < end || s.count() < 5)) {
                long t0 = System.nanoTime();
                try {
                    if (!api.get(user, e.getValue()).ok()) {
                        bad++;
                    }
                    s.add(System.nanoTime() - t0);
                } catch (RuntimeException timedOut) {
                    // counted at the time it took to fail; one is enough to know this query is too slow
                    s.add(System.nanoTime() - t0);
                    results.note(e.getKey() + ": " + timedOut.getMessage());
                    bad++;
                    break;
                }
            }
            if (bad > 0) {
                results.note(e.getKey() + ": " + bad + " requests failed");
            }
            out.put(e.getKey(), new double[] {s.percentileMillis(50), s.percentileMillis(99), s.count()});
        }
        return out;
    }

    private void compareQueries(Map<String, double[]> base, Map<String, double[]> large) {
        double worst = Double.NaN;
        String worstName = "";
        for (var e : large.entrySet()) {
            double[] b = base.get(e.getKey());
            double[] l = e.getValue();
            String k = "query." + e.getKey();
            results.put(
                    k + ".p50Ms.base",
                    b[0],
                    "ms",
                    String.format(Locale.ROOT, "p99 %.1f ms, %d requests", b[1], (long) b[2]),
                    "at the small store");
            results.put(
                    k + ".p50Ms.large",
                    l[0],
                    "ms",
                    String.format(Locale.ROOT, "p99 %.1f ms, %d requests", l[1], (long) l[2]),
                    "at the large store");
            double ratio = l[1] / b[1];
            results.put(k + ".p99Ratio", ratio, "ratio", "large ÷ small", "p99 latency growth with the store");
            if (Double.isNaN(worst) || ratio > worst) {
                worst = ratio;
                worstName = e.getKey();
            }
        }
        results.target(
                "query.p99Ratio1MTo10k",
                worst,
                "worst query: " + worstName,
                false,
                1.5,
                "the largest p99 growth over the measured queries, large store ÷ small store");
    }

    /**
     * Appends bulk-loaded task histories until the store holds {@code target} events, then waits for the
     * projections. Returns one bulk-loaded task id (for the task-detail query).
     */
    private String bulkFill(Store store, String prefix, long target) {
        return bulkFill(store, prefix, target, true);
    }

    private String bulkFill(Store store, String prefix, long target, boolean await) {
        long need = target - store.head();
        Store.Template template = store.template(templateTask);
        String first = prefix + "-0";
        if (need > 0) {
            store.bulkLoad(template, prefix, unitCodes, need, 10);
        }
        if (await) {
            settle(store);
        }
        return first;
    }

    /** The member units of the running application, and a task of it assigned through the API. */
    private List<String> unitCodes = List.of();

    private String templateTask;

    /** Lets the in-flight work settle: every projection caught up with the head. */
    private void settle(Store store) {
        if (Double.isNaN(store.awaitCaughtUp(store.head(), mode.catchUpTimeout()))) {
            results.note("projections did not catch up within " + mode.catchUpTimeout());
        }
    }

    private List<String> units(Api api) throws IOException {
        JsonNode board = JSON.readTree(
                api.get("viewer", "/api/units?conferenceId=" + Workload.CID).body());
        List<String> codes = new ArrayList<>();
        board.get("items").forEach(u -> codes.add(u.get("unitCode").asText()));
        if (codes.isEmpty()) {
            throw new IllegalStateException("no member units on the board");
        }
        unitCodes = codes;
        // A task assigned through the API with one progress report: the template of the bulk load.
        Workload probe = new Workload(api.port(), codes);
        Workload.Client c = probe.new Client(99);
        c.assign();
        c.progress();
        templateTask = c.lastTask();
        return codes;
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static ConfigurableApplicationContext start(Path dir, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--ledger.demo=true",
                "--ledger.data-dir=" + dir,
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off",
                // Known noise: Spring 6.2's deprecation notes on Axon's annotations, and mongo-java-server
                // ignoring every secondary index (it keeps only _id and unique ones; see benchmarks/README.md).
                "--logging.level.org.springframework.core.annotation=ERROR",
                "--logging.level.de.bwaldvogel.mongo.backend=ERROR",
                // and its log of every "drop" of a collection that does not exist yet (reset handlers)
                "--logging.level.de.bwaldvogel.mongo.wire=OFF"));
        args.addAll(List.of(extra));
        return LedgerStandaloneApplication.application().run(args.toArray(String[]::new));
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
