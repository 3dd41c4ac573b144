package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinghai.ledger.poison.PoisonedProjection;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A poison event lands in its processing group's dead-letter queue without stalling the other
 * aggregates' events, is listed for admins, and a retry after the fix succeeds.
 */
@LedgerTest(
        sources = PoisonedProjection.Config.class,
        rosterOn = "",
        properties = {
            "axon.eventhandling.processors.poison-test.mode=pooled",
            "axon.eventhandling.processors.poison-test.dlq.enabled=true"
        })
class DeadLetterTest {

    @Test
    void aPoisonEventIsParkedOthersKeepFlowingAndARetryAfterTheFixSucceeds(
            ConfigurableApplicationContext app, LedgerApi api) {
        PoisonedProjection projection = app.getBean(PoisonedProjection.class);
        for (String[] task : new String[][] {{"dl-1", "POISON 报送"}, {"dl-2", "统计托位"}, {"dl-3", "督导检查"}}) {
            assertThat(api.post("office", "/api/tasks", """
                    {"taskId":"%s","conferenceId":"qh-infant-care","title":"%s","leadUnitCode":"education",
                     "dueInWorkingDays":5,"source":"办公室通知"}""".formatted(task[0], task[1]))
                            .status())
                    .isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> projection.seen.containsAll(java.util.List.of("dl-2", "dl-3")));
        assertThat(projection.seen).doesNotContain("dl-1");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("admin", "/api/admin/dead-letters/" + PoisonedProjection.GROUP)
                                .body()
                                .path("deadLetters")
                                .asLong()
                        == 1);
        JsonNode parked = api.get("auditor", "/api/admin/dead-letters/" + PoisonedProjection.GROUP)
                .body();
        assertThat(parked.get("items").get(0).get("sequenceIdentifier").asText())
                .isEqualTo("dl-1");
        assertThat(parked.get("items").get(0).get("letters").get(0).get("cause").asText())
                .contains("IllegalStateException");
        JsonNode status = projection(api, PoisonedProjection.GROUP).get("deadLetters");
        assertThat(status.get("count").asLong()).isEqualTo(1);
        assertThat(status.get("sequences").asLong()).isEqualTo(1);
        assertThat(java.time.Instant.parse(status.get("oldestEnqueuedAt").asText()))
                .isBefore(java.time.Instant.now());
        assertThat(java.time.Duration.parse(status.get("oldestAge").asText())).isPositive();
        assertThat(api.post("auditor", "/api/admin/dead-letters/" + PoisonedProjection.GROUP + "/retry", "{}")
                        .status())
                .isEqualTo(403);

        var stillBroken = api.post("admin", "/api/admin/dead-letters/" + PoisonedProjection.GROUP + "/retry", "{}");
        assertThat(stillBroken.body().get("remaining").asLong()).isEqualTo(1);

        projection.broken = false;
        var retried = api.post("admin", "/api/admin/dead-letters/" + PoisonedProjection.GROUP + "/retry", "{}");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().get("sequencesProcessed").asInt()).isEqualTo(1);
        assertThat(retried.body().get("remaining").asLong()).isZero();
        assertThat(projection.seen).contains("dl-1");
        JsonNode drained = projection(api, PoisonedProjection.GROUP).get("deadLetters");
        assertThat(drained.get("count").asLong()).isZero();
        assertThat(drained.get("oldestAge").isNull()).isTrue();
    }

    /** The group's line of GET /api/admin/projections. */
    static JsonNode projection(LedgerApi api, String group) {
        for (JsonNode item : api.get("admin", "/api/admin/projections").body().get("items")) {
            if (item.get("name").asText().equals(group)) {
                return item;
            }
        }
        throw new AssertionError("no processing group " + group + " in /api/admin/projections");
    }
}
