package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An event store that went back behind the read side: here a restored backup of the H2 event store
 * under read models (and an audit trail) that had recorded later events, then a new command whose
 * events take the positions of the lost ones. At start-up the service notices, says so in health and
 * in the projection status, withdraws the trail's entries of the lost events (reported as such, not as
 * tampering) and rebuilds the read models from the store.
 */
class StoreRollbackTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path backup;

    /** The read models in files, as a user runs it: they outlive the restored event store. */
    ConfigurableApplicationContext start() {
        return StandaloneLedger.on(dataDir)
                .readModels(StandaloneLedger.ReadModels.FILE)
                .properties("ledger.read-model.retired-generation-grace=PT0S")
                .awaitRoster(null)
                .start()
                .app();
    }

    static void awaitTask(LedgerApi api, String taskId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("viewer", "/api/tasks/" + taskId).status() == 200);
    }

    static void awaitAuditCaughtUp(LedgerApi api) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode report = api.get("auditor", "/api/audit/verify").body();
            return report.path("ok").asBoolean()
                    && report.path("notYetRecorded").asLong() == 0;
        });
    }

    @Test
    void aStoreRestoredFromAnOlderBackupIsDetectedReportedAndTheReadSideRebuiltFromIt() throws Exception {
        ConfigurableApplicationContext app = start();
        LedgerApi api = SeedConferenceEndToEndTest.api(app);
        SeedConferenceEndToEndTest.awaitRoster(api, "2021-08-12", 18);
        assertThat(api.post("office", "/api/tasks", TaskRequests.assignment("kept-1", "education"))
                        .status())
                .isEqualTo(201);
        awaitTask(api, "kept-1");
        awaitAuditCaughtUp(api);
        app.close();
        Files.copy(dataDir.resolve("eventstore.mv.db"), backup.resolve("eventstore.mv.db"));

        app = start();
        api = SeedConferenceEndToEndTest.api(app);
        for (String lost : List.of("lost-1", "lost-2")) {
            assertThat(api.post("office", "/api/tasks", TaskRequests.assignment(lost, "education"))
                            .status())
                    .isEqualTo(201);
            assertThat(api.post("office", "/api/tasks/" + lost + "/urgings", "{\"note\":\"催\"}")
                            .status())
                    .isEqualTo(200);
        }
        awaitTask(api, "lost-2");
        awaitAuditCaughtUp(api);
        long headBefore =
                api.get("admin", "/api/admin/projections").body().path("head").asLong();
        app.close();

        // The restored backup: the event store as it was, under read models that recorded later events.
        Files.copy(
                backup.resolve("eventstore.mv.db"),
                dataDir.resolve("eventstore.mv.db"),
                StandardCopyOption.REPLACE_EXISTING);
        app = start();
        LedgerApi after = SeedConferenceEndToEndTest.api(app);
        JsonNode projections = after.get("admin", "/api/admin/projections").body();
        JsonNode rollbacks = projections.path("storeRollbacks");
        assertThat(rollbacks).hasSize(1);
        long keptUpTo = rollbacks.get(0).path("keptUpTo").asLong();
        assertThat(keptUpTo).isEqualTo(projections.path("head").asLong()).isLessThan(headBefore);
        assertThat(rollbacks.get(0).path("trailEntriesWithdrawn").asLong()).isEqualTo(headBefore - keptUpTo);
        List<String> rebuilt = new ArrayList<>();
        rollbacks.get(0).path("rebuilt").forEach(n -> rebuilt.add(n.asText()));
        assertThat(rebuilt).contains("tasks");
        JsonNode health = after.get("admin", "/actuator/health").body();
        assertThat(health.path("components")
                        .path("readModelConsistency")
                        .path("details")
                        .path("storeRollbacksDetected")
                        .asInt())
                .isEqualTo(1);

        // A new command takes the positions of the lost events.
        assertThat(after.post("office", "/api/tasks", TaskRequests.assignment("new-1", "education"))
                        .status())
                .isEqualTo(201);
        awaitTask(after, "new-1");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> after.get("viewer", "/api/tasks/lost-1").status() == 404
                        && after.get("viewer", "/api/tasks/lost-2").status() == 404
                        && after.get("admin", "/actuator/health")
                                .body()
                                .path("status")
                                .asText()
                                .equals("UP"));
        assertThat(after.get("viewer", "/api/tasks/kept-1").status()).isEqualTo(200);

        awaitAuditCaughtUp(after);
        JsonNode report = after.get("auditor", "/api/audit/verify").body();
        assertThat(report.path("ok").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("discrepancyCount").asLong()).isZero();
        assertThat(report.path("withdrawals")).hasSize(1);
        assertThat(report.path("withdrawals").get(0).path("keptUpTo").asLong()).isEqualTo(keptUpTo);
        assertThat(report.path("withdrawals").get(0).path("count").asLong()).isEqualTo(headBefore - keptUpTo);
        app.close();

        // Detected once: a later start finds store and read side in agreement.
        app = start();
        assertThat(SeedConferenceEndToEndTest.api(app)
                        .get("admin", "/api/admin/projections")
                        .body()
                        .path("storeRollbacks"))
                .hasSize(1);
        app.close();
    }
}
