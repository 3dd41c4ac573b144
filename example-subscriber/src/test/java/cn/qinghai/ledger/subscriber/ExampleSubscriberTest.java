package cn.qinghai.ledger.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinghai.ledger.testing.LedgerUnderTest;
import com.github.kagkarlsson.scheduler.Scheduler;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Another JVM service following the ledger through Axon: the ledger runs on the postgres profile against
 * a real (embedded) PostgreSQL with the seed conference and some tasks, one of them overdue; the example
 * subscriber then starts against the same database with nothing but shared-events, catches up with the
 * whole history, follows what is appended after it started, and leaves the ledger's tables as they were.
 */
class ExampleSubscriberTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    /**
     * The test's classpath also holds the ledger's jars (to run it): keep their auto-configurations out
     * of the subscriber's context, which in production does not have them (no JPA, MongoDB or scheduler).
     */
    static final String NOT_THE_SUBSCRIBERS = String.join(
            ",",
            "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
            "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration",
            "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration",
            "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration",
            "org.springframework.boot.autoconfigure.data.mongo.MongoRepositoriesAutoConfiguration",
            "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration",
            "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerMetricsAutoConfiguration",
            "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerActuatorAutoConfiguration",
            "org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration");

    static EmbeddedPostgres postgres;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    static String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    static int post(int port, String user, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static String assign(String taskId, String unit, String dueDate) {
        return """
                {"taskId":"%s","conferenceId":"qh-infant-care","title":"报送托位数统计","leadUnitCode":"%s",
                 "dueDate":"%s","source":"办公室通知"}""".formatted(taskId, unit, dueDate);
    }

    /** The ledger's tables and their columns: what a read-only subscriber must leave as it found. */
    static List<String> ledgerSchema(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                select table_name || '.' || column_name || ':' || data_type from information_schema.columns
                where table_schema = 'public' order by table_name, column_name""", String.class);
    }

    @Test
    void aSubscriberWithOnlySharedEventsCatchesUpWithTheLedgerAndFollowsNewEvents() throws Exception {
        try (ConfigurableApplicationContext ledger =
                LedgerUnderTest.start(jdbcUrl(), "postgres", "postgres", dataDir)) {
            int port = Integer.parseInt(ledger.getEnvironment().getProperty("local.server.port"));
            JdbcTemplate ledgerDb = ledger.getBean(JdbcTemplate.class);
            await().atMost(WAIT)
                    .until(() -> ledgerDb.queryForObject("select count(*) from domain_event_entry", Long.class) >= 36);

            assertThat(post(port, "office", "/api/tasks", assign("sub-late", "civil-affairs", "2026-03-06")))
                    .isEqualTo(201);
            assertThat(post(port, "office", "/api/tasks", assign("sub-open", "education", "2026-06-30")))
                    .isEqualTo(201);
            // past the end of 6 March in Xining: the ledger records sub-late's lateness as an event
            LedgerUnderTest.SCHEDULER_CLOCK.set(LocalDate.of(2026, 3, 7)
                    .atTime(0, 5)
                    .atZone(LedgerUnderTest.ZONE)
                    .toInstant());
            ledger.getBean(Scheduler.class).triggerCheckForDueExecutions();
            await().atMost(WAIT)
                    .until(() -> ledgerDb.queryForObject(
                                    "select count(*) from domain_event_entry where payload_type like '%TaskBecameOverdueEvent'",
                                    Long.class)
                            == 1);
            List<String> schemaBefore = ledgerSchema(ledgerDb);

            try (ConfigurableApplicationContext subscriber = ExampleSubscriberApplication.application()
                    .run(
                            "--spring.datasource.url=" + jdbcUrl(),
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=postgres",
                            "--spring.autoconfigure.exclude=" + NOT_THE_SUBSCRIBERS)) {
                OverdueBoard board = subscriber.getBean(OverdueBoard.class);
                long stored = ledgerDb.queryForObject("select count(*) from domain_event_entry", Long.class);
                await().atMost(WAIT).until(() -> board.eventsSeen() == stored);
                assertThat(board.overdueByUnit())
                        .containsExactly(new OverdueBoard.UnitOverdue("qh-infant-care", "civil-affairs", 1));
                assertThat(board.assignments())
                        .extracting(OverdueBoard.Assignment::taskId)
                        .containsExactly("sub-late", "sub-open");
                assertThat(board.assignments().get(0).dueDate()).isEqualTo(LocalDate.of(2026, 3, 6));

                // appended while it runs: followed without a restart
                assertThat(post(port, "office", "/api/tasks", assign("sub-new", "finance", "2026-04-30")))
                        .isEqualTo(201);
                await().atMost(WAIT)
                        .untilAsserted(() -> assertThat(board.assignments())
                                .extracting(OverdueBoard.Assignment::taskId)
                                .contains("sub-new"));
                assertThat(board.eventsSeen()).isEqualTo(stored + 1);

                assertThat(ledgerSchema(ledgerDb))
                        .as("the ledger's tables are untouched")
                        .isEqualTo(schemaBefore);
                assertThat(ledgerDb.queryForList(
                                "select table_name from information_schema.tables "
                                        + "where table_schema = 'example_subscriber' order by table_name",
                                String.class))
                        .containsExactly("assigned_task", "event_tally", "overdue_task", "token_entry");
                assertThat(ledgerDb.queryForObject(
                                "select count(*) from example_subscriber.token_entry "
                                        + "where processor_name = 'example-subscriber'",
                                Long.class))
                        .isEqualTo(1);
            }
        }
    }

    /**
     * Under concurrent writers (transactions committing out of position order) the subscriber's gap-aware
     * token still delivers every event once: it sees as many events as the store holds, and each task
     * assigned during the load exactly once.
     */
    @Test
    void underConcurrentWritersTheSubscriberSeesEveryEventOnce() throws Exception {
        try (ConfigurableApplicationContext ledger =
                LedgerUnderTest.start(jdbcUrl(), "postgres", "postgres", dataDir)) {
            int port = Integer.parseInt(ledger.getEnvironment().getProperty("local.server.port"));
            JdbcTemplate ledgerDb = ledger.getBean(JdbcTemplate.class);
            await().atMost(WAIT)
                    .until(() -> ledgerDb.queryForObject("select count(*) from domain_event_entry", Long.class) >= 36);
            try (ConfigurableApplicationContext subscriber = ExampleSubscriberApplication.application()
                    .run(
                            "--spring.datasource.url=" + jdbcUrl(),
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=postgres",
                            "--spring.autoconfigure.exclude=" + NOT_THE_SUBSCRIBERS)) {
                OverdueBoard board = subscriber.getBean(OverdueBoard.class);
                java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(6);
                java.util.Set<String> assigned = java.util.concurrent.ConcurrentHashMap.newKeySet();
                long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
                String[] units = {"education", "health", "finance", "civil-affairs", "housing", "taxation"};
                for (int w = 0; w < 6; w++) {
                    String unit = units[w];
                    int writer = w;
                    writers.submit(() -> {
                        for (int n = 0; System.nanoTime() < until; n++) {
                            String taskId = "load-" + writer + "-" + n;
                            if (post(port, "office", "/api/tasks", assign(taskId, unit, "2026-12-31")) == 201) {
                                assigned.add(taskId);
                            }
                        }
                        return null;
                    });
                }
                writers.shutdown();
                assertThat(writers.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS))
                        .isTrue();
                long stored = ledgerDb.queryForObject("select count(*) from domain_event_entry", Long.class);
                await().atMost(WAIT).until(() -> board.eventsSeen() >= stored);
                assertThat(board.eventsSeen()).isEqualTo(stored);
                List<String> seen = board.assignments().stream()
                        .map(OverdueBoard.Assignment::taskId)
                        .filter(id -> id.startsWith("load-"))
                        .toList();
                assertThat(assigned).hasSizeGreaterThan(20);
                assertThat(seen).containsExactlyInAnyOrderElementsOf(assigned);
            }
        }
    }
}
