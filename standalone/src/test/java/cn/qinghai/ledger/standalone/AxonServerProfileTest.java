package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinghai.ledger.command.CommandSideApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The axonserver profile's wiring, checked without an Axon Server (none can run on the build
 * machines): events, commands and queries are routed through the connector to the configured
 * servers, context and token; no Axon JPA table (events, tokens, sagas, dead letters) is created in
 * the local database. What this cannot show —
 * a real connection, event storage and routing across instances — needs `docker compose up`.
 */
class AxonServerProfileTest {

    @TempDir
    Path dataDir;

    @Test
    void eventsCommandsAndQueriesGoThroughAxonServerAndNoJpaEventOrTokenTableIsCreated() throws Exception {
        int unusedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            unusedPort = socket.getLocalPort();
        }
        // The command side: its processors are subscribing, so it starts without a reachable server.
        // (The query side's streaming processors refuse to start until Axon Server answers; in
        // production its container restarts until then.)
        try (ConfigurableApplicationContext app = CommandSideApplication.application()
                .run(
                        "--spring.profiles.active=axonserver",
                        "--server.port=0",
                        "--ledger.data-dir=" + dataDir,
                        "--axon.axonserver.servers=localhost:" + unusedPort,
                        "--axon.axonserver.context=ledger-test",
                        "--axon.axonserver.token=secret-token",
                        "--spring.autoconfigure.exclude=org.axonframework.springboot.autoconfig.JpaAutoConfiguration,"
                                + "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration,"
                                + "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration")) {
            assertThat(app.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(app.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(app.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            assertThat(app.getBean(TokenStore.class))
                    .isNotInstanceOf(org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore.class);
            AxonServerConfiguration connection = app.getBean(AxonServerConfiguration.class);
            assertThat(connection.getServers()).isEqualTo("localhost:" + unusedPort);
            assertThat(connection.getContext()).isEqualTo("ledger-test");
            assertThat(connection.getToken()).isEqualTo("secret-token");

            List<String> tables = app.getBean(JdbcTemplate.class)
                    .queryForList(
                            "select lower(table_name) from information_schema.tables where table_schema = 'PUBLIC'",
                            String.class);
            assertThat(tables)
                    .doesNotContain(
                            "domain_event_entry",
                            "snapshot_event_entry",
                            "token_entry",
                            "saga_entry",
                            "association_value_entry",
                            "dead_letter_entry");
            assertThat(tables).contains("scheduled_tasks", "idempotency_record", "lookup_unit");
        }
    }

    /**
     * The compose file's command side: events through Axon Server, and everything the command side decides
     * with — lookups, deadlines, idempotency records — in the shared PostgreSQL, so a second instance sees
     * the same; still no Axon JPA table there.
     */
    @Test
    void withThePostgresProfileTheCommandSidesStateIsInPostgresqlAndStillNoEventTable() throws Exception {
        int unusedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            unusedPort = socket.getLocalPort();
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext app = CommandSideApplication.application()
                        .run(
                                "--spring.profiles.active=axonserver,postgres",
                                "--server.port=0",
                                "--ledger.data-dir=" + dataDir,
                                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                                "--spring.datasource.username=postgres",
                                "--spring.datasource.password=postgres",
                                "--axon.axonserver.servers=localhost:" + unusedPort,
                                "--spring.autoconfigure.exclude=org.axonframework.springboot.autoconfig.JpaAutoConfiguration,"
                                        + "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration,"
                                        + "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration")) {
            assertThat(app.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
            List<String> tables = jdbc.queryForList(
                    "select table_name from information_schema.tables where table_schema = 'public'", String.class);
            assertThat(tables)
                    .contains(
                            "scheduled_tasks",
                            "idempotency_record",
                            "lookup_unit",
                            "lookup_task_unit",
                            "lookup_minutes_number");
            assertThat(tables)
                    .doesNotContain(
                            "domain_event_entry",
                            "snapshot_event_entry",
                            "token_entry",
                            "saga_entry",
                            "dead_letter_entry");
        }
    }
}
