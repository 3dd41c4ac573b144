package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinghai.ledger.command.CommandSideApplication;
import cn.qinghai.ledger.query.QuerySideApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production shape without Axon Server: command-side and query-side as two applications sharing
 * one PostgreSQL event store. A command accepted by the command side appears in the query side's read
 * models; neither application contains the other's beans.
 */
class SeparateProcessesTest {

    static EmbeddedPostgres postgres;

    @TempDir
    static Path commandDir;

    @TempDir
    static Path queryDir;

    static ConfigurableApplicationContext commandSide;
    static ConfigurableApplicationContext querySide;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        commandSide = CommandSideApplication.application()
                .run(
                        "--spring.profiles.active=postgres",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--server.port=0",
                        "--ledger.demo=true",
                        "--ledger.data-dir=" + commandDir);
        querySide = QuerySideApplication.application()
                .run(
                        "--spring.profiles.active=postgres",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--server.port=0",
                        "--ledger.demo=true",
                        "--ledger.data-dir=" + queryDir,
                        "--ledger.read-model.in-process-store=MEMORY");
    }

    @AfterAll
    static void stop() throws Exception {
        querySide.close();
        commandSide.close();
        postgres.close();
    }

    @Test
    void aCommandAcceptedByTheCommandSideAppearsInTheQuerySidesReadModels() {
        LedgerApi commands = SeedConferenceEndToEndTest.api(commandSide);
        LedgerApi queries = SeedConferenceEndToEndTest.api(querySide);
        SeedConferenceEndToEndTest.awaitRoster(queries, "2021-08-12", 18);

        var assigned = commands.post("office", "/api/tasks", """
                {"taskId":"split-1","conferenceId":"qh-infant-care","title":"报送托位数","leadUnitCode":"civil-affairs",
                 "dueInWorkingDays":5,"source":"办公室通知"}""");
        assertThat(assigned.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> queries.get("viewer", "/api/tasks/split-1").status() == 200);
        assertThat(queries.get("viewer", "/api/tasks/split-1")
                        .body()
                        .path("lead")
                        .path("unitCode")
                        .asText())
                .isEqualTo("civil-affairs");

        assertThat(commands.get("viewer", "/api/tasks/split-1").status())
                .as("no read models on the command side")
                .isEqualTo(404);
        assertThat(queries.post("office", "/api/tasks", "{}").status())
                .as("no commands on the query side")
                .isIn(404, 405);
        assertThat(commandSide.getBeanNamesForType(QuerySideApplication.class)).isEmpty();
        assertThat(querySide.getBeanNamesForType(CommandSideApplication.class)).isEmpty();
        assertThat(commandSide.containsBean("rosterProjection")).isFalse();
        assertThat(querySide.containsBean("seedConferenceLoader")).isFalse();
    }
}
