package cn.qinghai.ledger.standalone;

import static cn.qinghai.ledger.standalone.SeedConferenceEndToEndTest.SEED_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tamper evidence on the standalone application: the seed history verifies, and events changed or
 * removed directly in the H2 event store (table DOMAIN_EVENT_ENTRY, as an attacker with database
 * access would) are named at their positions; a checkpoint kept before the tampering stops matching.
 */
@LedgerTest(
        lifecycle = LedgerTest.Lifecycle.PER_METHOD,
        properties = "ledger.audit.checkpoint-settle-time=0s",
        rosterOn = "")
class TamperEvidenceEndToEndTest {

    static final String CID = SeedConferenceEndToEndTest.CID;

    @Test
    void verificationNamesAnAlteredAndADeletedStoredEventAndAKeptCheckpointStopsMatching(
            ConfigurableApplicationContext app, LedgerApi api) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("auditor", "/api/audit?aggregateId=" + CID)
                                .body()
                                .get("total")
                                .asInt()
                        == SEED_EVENTS);

        JsonNode intact = api.get("auditor", "/api/audit/verify").body();
        assertThat(intact.get("ok").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.get("eventsChecked").asInt()).isEqualTo(SEED_EVENTS);
        assertThat(intact.get("discrepancyCount").asInt()).isZero();
        JsonNode checkpoint = api.get("auditor", "/api/audit/checkpoint").body();
        assertThat(checkpoint.get("hash").asText())
                .isEqualTo(intact.get("headHash").asText());
        String kept = "/api/audit/verify?checkpointPosition="
                + checkpoint.get("position").asLong() + "&checkpointHash="
                + checkpoint.get("hash").asText();
        assertThat(api.get("auditor", kept)
                        .body()
                        .get("checkpoint")
                        .get("matches")
                        .asBoolean())
                .isTrue();

        JsonNode appointments = api.get("auditor", "/api/audit?type=MemberAppointedEvent")
                .body()
                .get("items");
        JsonNode convener = appointments.get(0);
        JsonNode deputy = appointments.get(5);
        JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));

        byte[] payload = jdbc.queryForObject(
                "select payload from domain_event_entry where event_identifier = ?",
                byte[].class,
                convener.get("eventId").asText());
        String original = new String(payload, StandardCharsets.UTF_8);
        assertThat(original).contains("匡湧");
        int altered = jdbc.update(
                "update domain_event_entry set payload = ? where event_identifier = ?",
                original.replace("匡湧", "某某").getBytes(StandardCharsets.UTF_8),
                convener.get("eventId").asText());
        assertThat(altered).isEqualTo(1);

        JsonNode afterAlteration = api.get("auditor", kept).body();
        assertThat(afterAlteration.get("ok").asBoolean()).isFalse();
        assertThat(afterAlteration.get("firstDiscrepancy").get("position").asLong())
                .isEqualTo(convener.get("position").asLong());
        assertThat(afterAlteration.get("firstDiscrepancy").get("kind").asText()).isEqualTo("ALTERED");
        assertThat(afterAlteration.get("firstDiscrepancy").get("detail").asText())
                .contains("payload");
        assertThat(afterAlteration.get("discrepancyCount").asInt()).isEqualTo(1);
        assertThat(afterAlteration.get("checkpoint").get("matches").asBoolean()).isFalse();

        int deleted = jdbc.update(
                "delete from domain_event_entry where event_identifier = ?",
                deputy.get("eventId").asText());
        assertThat(deleted).isEqualTo(1);

        JsonNode afterDeletion = api.get("auditor", "/api/audit/verify").body();
        assertThat(afterDeletion.get("ok").asBoolean()).isFalse();
        assertThat(afterDeletion.get("eventsChecked").asInt()).isEqualTo(SEED_EVENTS - 1);
        assertThat(afterDeletion.get("discrepancies").findValuesAsText("kind")).containsExactly("ALTERED", "DELETED");
        JsonNode missing = afterDeletion.get("discrepancies").get(1);
        assertThat(missing.get("position").asLong())
                .isEqualTo(deputy.get("position").asLong());
        assertThat(missing.get("eventId").asText())
                .isEqualTo(deputy.get("eventId").asText());
    }
}
