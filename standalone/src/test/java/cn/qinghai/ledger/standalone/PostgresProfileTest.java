package cn.qinghai.ledger.standalone;

import static cn.qinghai.ledger.standalone.SeedConferenceEndToEndTest.SEED_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The postgres profile against a real PostgreSQL started by the test (no installs): the seed
 * conference goes through the same commands, its events are stored as bytea rows with a dense
 * global index, and the read models show it.
 */
class PostgresProfileTest {

    static EmbeddedPostgres postgres;

    @TempDir
    Path dataDir;

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

    @Test
    void theSeedConferenceIsStoredInPostgreSqlAsByteaWithADenseGlobalIndexAndSnapshots() throws SQLException {
        try (StandaloneLedger ledger = StandaloneLedger.on(dataDir)
                .postgres(postgres)
                .properties("ledger.snapshot.conference-threshold=10")
                .awaitRoster(null)
                .start()) {
            LedgerApi api = ledger.api();
            var roster = SeedConferenceEndToEndTest.awaitRoster(api, "2021-08-12", 18);
            assertThat(roster.get("seats").get(0).get("name").asText()).isEqualTo("匡湧");
            // The conference is loaded from a snapshot now, and still knows its convener.
            var secondConvener = api.post(
                    "office",
                    "/api/conferences/qh-infant-care/members",
                    "{\"personId\":\"x\",\"name\":\"某\",\"title\":\"副省长\",\"role\":\"CONVENER\"}");
            assertThat(secondConvener.status()).isEqualTo(422);
            assertThat(secondConvener.body().get("rule").asText()).isEqualTo("AtMostOneConvener");
        }

        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            Map<String, String> types = new HashMap<>();
            try (ResultSet r = s.executeQuery("select column_name, data_type from information_schema.columns "
                    + "where table_name = 'domain_event_entry'")) {
                while (r.next()) {
                    types.put(r.getString(1), r.getString(2));
                }
            }
            assertThat(types).containsEntry("payload", "bytea").containsEntry("meta_data", "bytea");
            try (ResultSet r = s.executeQuery(
                    "select count(*), min(global_index), max(global_index) " + "from domain_event_entry")) {
                r.next();
                long count = r.getLong(1);
                assertThat(count).isEqualTo(SEED_EVENTS);
                assertThat(r.getLong(3) - r.getLong(2) + 1)
                        .as("no gaps in the global index")
                        .isEqualTo(count);
            }
            try (ResultSet r = s.executeQuery("select count(*), max(sequence_number) from snapshot_event_entry "
                    + "where aggregate_identifier = 'qh-infant-care'")) {
                r.next();
                assertThat(r.getLong(1))
                        .as("a snapshot of the conference (threshold 10)")
                        .isEqualTo(1);
                assertThat(r.getLong(2)).isGreaterThanOrEqualTo(10);
            }
            try (ResultSet r = s.executeQuery("select count(*) from pg_largeobject_metadata")) {
                r.next();
                assertThat(r.getLong(1)).as("no large objects").isZero();
            }
        }
    }
}
