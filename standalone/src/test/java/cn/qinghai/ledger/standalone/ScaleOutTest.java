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

    @Test
    void twoInstancesSplitTheSegmentsAndTheSurvivorTakesOverWithNothingLost() throws Exception {
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
            }
        } finally {
            mongoServer.shutdownNow();
        }
    }

    static int assign(LedgerApi commands, String id) {
        return commands.post("office", "/api/tasks", """
                {"taskId":"%s","conferenceId":"qh-infant-care","title":"扩展测试","leadUnitCode":"finance",
                 "dueInWorkingDays":10,"source":"办公室通知"}""".formatted(id)).status();
    }
}
