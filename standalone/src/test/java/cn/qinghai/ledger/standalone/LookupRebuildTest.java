package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The command side's lookup tables lost (a new database for its state, a dropped table) are rebuilt
 * from the events at start-up, before the first command is decided from them.
 */
class LookupRebuildTest {

    static final String CID = "qh-infant-care";

    @TempDir
    Path dataDir;

    @Test
    void lookupsLostWhileStoppedAreRebuiltFromTheEventsBeforeTheFirstCommand() throws Exception {
        try (StandaloneLedger ledger = StandaloneLedger.on(dataDir).start()) {
            LedgerApi api = ledger.api();
            assertThat(api.post("office", "/api/tasks", task("before-loss")).status())
                    .isEqualTo(201);
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("eventstore"), "ledger", "");
                Statement s = c.createStatement()) {
            for (String table : new String[] {
                "lookup_task_unit", "lookup_seat", "lookup_unit", "lookup_minutes_number", "lookup_conference"
            }) {
                s.execute("delete from " + table);
            }
        }
        // No wait for the roster: the first command must already find the rebuilt lookups.
        try (StandaloneLedger ledger =
                StandaloneLedger.on(dataDir).awaitRoster(null).start()) {
            JdbcTemplate jdbc = ledger.bean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from lookup_unit where active = true", Long.class))
                    .isEqualTo(16);
            assertThat(jdbc.queryForObject(
                            "select count(*) from lookup_task_unit where task_id = 'before-loss'", Long.class))
                    .isEqualTo(1);
            LedgerApi api = ledger.api();
            var assigned = api.post("office", "/api/tasks", task("after-rebuild"));
            assertThat(assigned.status()).as(assigned.raw()).isEqualTo(201);
            var removal = api.post(
                    "office",
                    "/api/conferences/" + CID + "/units/education/removal",
                    "{\"reason\":\"机构调整\",\"decidedBy\":{\"kind\":\"CIRCULATION\",\"reference\":\"青婴联办函〔2024〕1号\",\"decidedOn\":\"2024-02-20\"}}");
            assertThat(removal.body().path("rule").asText())
                    .as("the rebuilt lookups know the unit's open tasks")
                    .isEqualTo("UnitWithOpenTasksStays");
        }
    }

    static String task(String taskId) {
        return """
                {"taskId":"%s","conferenceId":"%s","title":"重建后的事项","leadUnitCode":"education",
                 "dueInWorkingDays":10,"source":"办公室交办"}""".formatted(taskId, CID);
    }
}
