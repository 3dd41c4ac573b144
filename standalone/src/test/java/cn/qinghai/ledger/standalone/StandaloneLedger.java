package cn.qinghai.ledger.standalone;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one way the in-process end-to-end tests start the standalone ledger: on a data folder of the test's
 * own, on a random port, with the seed conference (unless told otherwise), read models in memory (or in the
 * file-backed store, as a user runs it), the events in H2 (or in an embedded PostgreSQL the ledger starts
 * and stops with itself), optionally on the test clock ({@link TestClocks}), and ready once the seed's
 * roster can be read. A test class declares it with {@link LedgerTest}; a test that stops and starts the
 * application itself (a restart on the same folder, a crash, a captured log) uses {@link #on(Path)}.
 * Tests that start child JVMs keep their own launcher ({@link ChildLedger}).
 */
final class StandaloneLedger implements AutoCloseable {

    /** The seed's first day, on which its roster (18 seats and the office director) is complete. */
    static final String SEED_DAY = "2021-08-12";

    enum Storage {
        /** The embedded default: an H2 file in the data folder. */
        H2,
        /** The postgres profile against an embedded PostgreSQL. */
        POSTGRES
    }

    enum ReadModels {
        /** The in-process MongoDB in memory: fastest, gone at the stop. */
        MEMORY,
        /** The in-process MongoDB in files of the data folder, as a user runs it. */
        FILE
    }

    private final Builder settings;
    private final ConfigurableApplicationContext app;
    private final LedgerApi api;
    private final int port;
    private final EmbeddedPostgres ownPostgres;

    private StandaloneLedger(Builder settings, ConfigurableApplicationContext app, EmbeddedPostgres ownPostgres) {
        this.settings = settings;
        this.app = app;
        this.port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        this.api = new LedgerApi(port);
        this.ownPostgres = ownPostgres;
    }

    /** A ledger on {@code dataDir}, which the caller owns (a {@code @TempDir}, say). */
    static Builder on(Path dataDir) {
        return new Builder(dataDir);
    }

    ConfigurableApplicationContext app() {
        return app;
    }

    LedgerApi api() {
        return api;
    }

    int port() {
        return port;
    }

    /** {@code http://127.0.0.1:port}. */
    String base() {
        return "http://127.0.0.1:" + port;
    }

    Path dataDir() {
        return settings.dataDir;
    }

    <T> T bean(Class<T> type) {
        return app.getBean(type);
    }

    /** Stops the application and starts it again on the same folder, database and settings. */
    StandaloneLedger restart() {
        app.close();
        return settings.start(ownPostgres, false);
    }

    /** As {@link #restart()}, ready as soon as the context runs, without waiting for the roster (nor later restarts). */
    StandaloneLedger restartWithoutWaitingForRoster() {
        app.close();
        return settings.awaitRoster(null).start(ownPostgres, false);
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            if (ownPostgres != null) {
                try {
                    ownPostgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Waits until the seed's roster as of {@code asOf} has {@code seats} seats and an office director. */
    static JsonNode awaitRoster(LedgerApi api, String asOf, int seats) {
        List<JsonNode> last = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var r = api.get("viewer", "/api/conferences/" + SeedConferenceEndToEndTest.CID + "/roster?asOf=" + asOf);
            last.clear();
            last.add(r.body());
            // The director is appointed after the seats: wait for the roster to have caught up with both.
            return r.status() == 200
                    && r.body().get("seats").size() == seats
                    && r.body().hasNonNull("officeDirector");
        });
        return last.get(0);
    }

    /** Deletes a folder the harness made, with what the application left in it. */
    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }

    /** How to start it; every setting has the default most tests want. */
    static final class Builder {
        private final Path dataDir;
        private Storage storage = Storage.H2;
        private EmbeddedPostgres postgres;
        private ReadModels readModels = ReadModels.MEMORY;
        private boolean demo = true;
        private boolean onTestClock;
        private Instant clockAt;
        private final List<String> properties = new ArrayList<>();
        private final List<Class<?>> sources = new ArrayList<>();
        private String rosterOn = SEED_DAY;

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        Builder storage(Storage storage) {
            this.storage = storage;
            return this;
        }

        /** The postgres profile against {@code postgres}, which the caller starts and stops. */
        Builder postgres(EmbeddedPostgres postgres) {
            this.storage = Storage.POSTGRES;
            this.postgres = postgres;
            return this;
        }

        Builder readModels(ReadModels readModels) {
            this.readModels = readModels;
            return this;
        }

        /** With the seed conference (the default), or an empty ledger. */
        Builder demo(boolean demo) {
            this.demo = demo;
            return this;
        }

        /**
         * On the test clock, set to {@code at} before the first start (a {@link StandaloneLedger#restart()}
         * leaves it where the test moved it): "today", report times and the deadline scheduler follow
         * {@link TestClocks}; the scheduler polls hourly, so only a test moves time.
         */
        Builder testClock(Instant at) {
            this.clockAt = at;
            return onTestClock();
        }

        /** On the test clock where it stands now. */
        Builder onTestClock() {
            this.onTestClock = true;
            return this;
        }

        /** Further settings, {@code key=value} each. */
        Builder properties(String... keyValues) {
            properties.addAll(List.of(keyValues));
            return this;
        }

        /** Further configuration classes (a test's beans). */
        Builder sources(Class<?>... classes) {
            sources.addAll(List.of(classes));
            return this;
        }

        /** Ready once the seed's roster is complete as of {@code asOf}; null: as soon as the context runs. */
        Builder awaitRoster(String asOf) {
            this.rosterOn = asOf;
            return this;
        }

        StandaloneLedger start() {
            EmbeddedPostgres own = null;
            if (storage == Storage.POSTGRES && postgres == null) {
                try {
                    own = EmbeddedPostgres.builder().start();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
                }
            }
            return start(own, true);
        }

        private StandaloneLedger start(EmbeddedPostgres own, boolean first) {
            if (first && clockAt != null) {
                TestClocks.set(clockAt);
            }
            List<String> args = new ArrayList<>();
            EmbeddedPostgres database = postgres != null ? postgres : own;
            if (database != null) {
                args.addAll(List.of(
                        "--spring.profiles.active=postgres",
                        "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres"));
            }
            args.add("--server.port=0");
            if (demo) {
                args.add("--ledger.demo=true");
            }
            args.add("--ledger.data-dir=" + dataDir);
            if (readModels == ReadModels.MEMORY) {
                args.add("--ledger.read-model.in-process-store=MEMORY");
            }
            if (onTestClock) {
                args.add("--db-scheduler.polling-interval=1h");
            }
            properties.forEach(p -> args.add(p.startsWith("--") ? p : "--" + p));
            List<Class<?>> extra = new ArrayList<>(sources);
            if (onTestClock) {
                extra.add(TestClocks.class);
            }
            ConfigurableApplicationContext app;
            try {
                app = LedgerStandaloneApplication.application()
                        .sources(extra.toArray(Class<?>[]::new))
                        .run(args.toArray(String[]::new));
            } catch (RuntimeException e) {
                if (first && own != null) {
                    try {
                        own.close();
                    } catch (IOException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                }
                throw e;
            }
            StandaloneLedger ledger = new StandaloneLedger(this, app, own);
            if (demo && rosterOn != null) {
                try {
                    StandaloneLedger.awaitRoster(ledger.api, rosterOn, 18);
                } catch (RuntimeException | Error e) {
                    ledger.close();
                    throw e;
                }
            }
            return ledger;
        }
    }
}
