package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinghai.ledger.command.CommandSideApplication;
import cn.qinghai.ledger.query.QuerySideApplication;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two query-side instances on one event store and one MongoDB split the projections' segments; when
 * one goes away the other takes its segments over, and the read models end up with every event once.
 */
class ScaleOutTest {

    @TempDir
    Path commandDir;

    @TempDir
    Path queryDirA;

    @TempDir
    Path queryDirB;

    static int claimed(ConfigurableApplicationContext app, String group) {
        return app.getBean(EventProcessingConfiguration.class)
                .eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow()
                .processingStatus()
                .size();
    }

    ConfigurableApplicationContext querySide(String url, String mongo, Path dir) {
        return QuerySideApplication.application()
                .run(
                        "--spring.profiles.active=postgres",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--server.port=0",
                        "--ledger.demo=true",
                        "--ledger.data-dir=" + dir,
                        "--spring.data.mongodb.uri=" + mongo,
                        "--ledger.processors.balance-interval=PT1S");
    }

    /** What a test does with the shared stores: the event store's URL, the MongoDB URI, the command side. */
    interface OnSharedStores {
        void run(String url, String mongo, LedgerApi commands) throws Exception;
    }

    /** An in-memory MongoDB and an embedded PostgreSQL with a command side on it, for {@code test}. */
    void onSharedStores(OnSharedStores test) throws Exception {
        MongoServer mongoServer = new MongoServer(new MemoryBackend());
        mongoServer.bind("127.0.0.1", 0);
        String mongo = "mongodb://127.0.0.1:" + mongoServer.getLocalAddress().getPort() + "/ledger";
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext commandSide = CommandSideApplication.application()
                    .run(
                            "--spring.profiles.active=postgres",
                            "--spring.datasource.url=" + url,
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=postgres",
                            "--server.port=0",
                            "--ledger.demo=true",
                            "--ledger.data-dir=" + commandDir)) {
                LedgerApi commands = SeedConferenceEndToEndTest.api(commandSide);
                test.run(url, mongo, commands);
            }
        } finally {
            mongoServer.shutdownNow();
        }
    }

    @Test
    void twoInstancesSplitTheSegmentsAndTheSurvivorTakesOverWithNothingLost() throws Exception {
        onSharedStores((url, mongo, commands) -> {
            ConfigurableApplicationContext a = querySide(url, mongo, queryDirA);
            ConfigurableApplicationContext b = querySide(url, mongo, queryDirB);
            try {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> claimed(a, "tasks") == 2 && claimed(b, "tasks") == 2);

                List<String> ids =
                        IntStream.range(0, 20).mapToObj(i -> "scale-" + i).toList();
                for (String id : ids.subList(0, 10)) {
                    assertThat(assign(commands, id)).isEqualTo(201);
                }
                a.close(); // one instance goes away mid-stream
                for (String id : ids.subList(10, 20)) {
                    assertThat(assign(commands, id)).isEqualTo(201);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> claimed(b, "tasks") == 4);
                LedgerApi survivor = SeedConferenceEndToEndTest.api(b);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> survivor.get("viewer", "/api/tasks?size=500")
                                        .body()
                                        .get("total")
                                        .asInt()
                                == 20);
                assertThat(survivor.get("viewer", "/api/tasks?size=500")
                                .body()
                                .get("items")
                                .findValuesAsText("taskId"))
                        .containsExactlyInAnyOrderElementsOf(ids);
                assertThat(survivor.get("viewer", "/api/units")
                                .body()
                                .get("total")
                                .asInt())
                        .isEqualTo(16);
            } finally {
                if (a.isActive()) {
                    a.close();
                }
                b.close();
            }
        });
    }

    /**
     * An upgrade with two query-side instances of the new version: the task list an earlier version left is
     * rebuilt once, by one of them, while both have their processors stopped for it (so that neither moves a
     * token past the switch); then both go on, and what was commanded before, during and after the rebuild is
     * there once.
     */
    @Test
    void anUpgradeWithTwoInstancesRebuildsTheTaskListOnceWithNothingLost() throws Exception {
        onSharedStores((url, mongo, commands) -> {
            List<String> ids =
                    IntStream.range(0, 15).mapToObj(i -> "upgrade-" + i).toList();
            ConfigurableApplicationContext before = querySide(url, mongo, queryDirA);
            try {
                for (String id : ids.subList(0, 5)) {
                    assertThat(assign(commands, id)).isEqualTo(201);
                }
                LedgerApi reads = SeedConferenceEndToEndTest.api(before);
                await().atMost(Duration.ofSeconds(60)).until(() -> total(reads) == 5);
                OutdatedReadModelUpgradeTest.asAnEarlierVersionLeftIt(
                        before.getBean(com.mongodb.client.MongoDatabase.class));
            } finally {
                before.close();
            }

            ConfigurableApplicationContext a = querySide(url, mongo, queryDirA);
            ConfigurableApplicationContext b = querySide(url, mongo, queryDirB);
            try {
                for (String id : ids.subList(5, 10)) {
                    assertThat(assign(commands, id)).isEqualTo(201);
                }
                LedgerApi readsA = SeedConferenceEndToEndTest.api(a);
                LedgerApi readsB = SeedConferenceEndToEndTest.api(b);
                await().atMost(Duration.ofSeconds(90)).until(() -> total(readsA) == 10 && total(readsB) == 10);
                for (String id : ids.subList(10, 15)) {
                    assertThat(assign(commands, id)).isEqualTo(201);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> total(readsA) == 15 && total(readsB) == 15);
                assertThat(readsA.get("viewer", "/api/tasks?size=500")
                                .body()
                                .get("items")
                                .findValuesAsText("taskId"))
                        .containsExactlyInAnyOrderElementsOf(ids);
                int rebuilds = 0;
                for (ConfigurableApplicationContext side : List.of(a, b)) {
                    var tasks = SeedConferenceEndToEndTest.api(side)
                            .get("admin", "/api/admin/projections/tasks")
                            .body();
                    assertThat(tasks.path("running").asBoolean()).isTrue();
                    assertThat(tasks.path("activeGeneration").asInt()).isEqualTo(2);
                    rebuilds += tasks.path("replay").path("state").asText().equals("DONE") ? 1 : 0;
                }
                assertThat(rebuilds).as("rebuilt by one instance").isEqualTo(1);
                await().atMost(Duration.ofSeconds(60)).until(() -> claimed(a, "tasks") + claimed(b, "tasks") == 4);
            } finally {
                a.close();
                b.close();
            }
        });
    }

    private static int total(LedgerApi reads) {
        LedgerApi.Response answer = reads.get("viewer", "/api/tasks?size=500");
        return answer.status() == 200 ? answer.body().get("total").asInt() : -1;
    }

    static int assign(LedgerApi commands, String id) {
        return commands.post("office", "/api/tasks", """
                {"taskId":"%s","conferenceId":"qh-infant-care","title":"扩展测试","leadUnitCode":"finance",
                 "dueInWorkingDays":10,"source":"办公室通知"}""".formatted(id)).status();
    }
}
