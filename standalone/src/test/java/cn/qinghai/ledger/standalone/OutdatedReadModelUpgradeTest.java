package cn.qinghai.ledger.standalone;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upgrade that changes how the task list, the roster and the meetings are stored: the service started on read models that
 * an earlier version wrote (documents with days as ISO text, no stored format) neither reads nor extends them. It
 * answers their readers {@code 503 read-model-rebuilding} with {@code Retry-After}, keeps taking commands,
 * rebuilds them from the event store by itself and then answers as before, with what was
 * commanded in between.
 */
class OutdatedReadModelUpgradeTest {

    @TempDir
    Path dataDir;

    @Test
    void readModelsWrittenByAnEarlierVersionAreRebuiltAtStartAndAnsweredAsBefore() {
        StandaloneLedger ledger = StandaloneLedger.on(dataDir)
                .readModels(StandaloneLedger.ReadModels.FILE)
                .properties("ledger.read-model.retired-generation-grace=PT0S")
                .start();
        LedgerApi api = ledger.api();
        assertThat(api.post("office", "/api/tasks", TaskRequests.assignment("before-upgrade", "education"))
                        .status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("viewer", "/api/tasks/before-upgrade").status() == 200);
        JsonNode taskBefore = api.get("viewer", "/api/tasks/before-upgrade").body();
        JsonNode unitBefore = api.get("viewer", "/api/units/education").body();
        String roster = "/api/conferences/" + TaskRequests.CID + "/roster";
        JsonNode rosterBefore = api.get("viewer", roster).body();
        assertThat(rosterBefore.path("seats").size()).isPositive();
        String meeting = "/api/meetings/" + aSignedMeeting(api);
        JsonNode meetingBefore = api.get("viewer", meeting).body();

        MongoDatabase db = ledger.bean(MongoDatabase.class);
        asAnEarlierVersionLeftIt(db);
        // another query-side process is rebuilding them: this one waits for its heartbeat to go stale
        rebuildingElsewhere(db, "tasks", Instant.now());
        rebuildingElsewhere(db, "roster", Instant.now());
        rebuildingElsewhere(db, "meetings", Instant.now());

        ledger = ledger.restartWithoutWaitingForRoster();
        LedgerApi upgraded = ledger.api();
        for (String path : List.of(
                "/api/tasks/before-upgrade",
                "/api/tasks?conferenceId=" + TaskRequests.CID + "&rag=RED",
                "/api/units/education",
                "/api/units",
                roster,
                meeting,
                "/api/decisions?conferenceId=" + TaskRequests.CID)) {
            LedgerApi.Response answer = upgraded.get("viewer", path);
            assertThat(answer.status()).as(path + ": " + answer.raw()).isEqualTo(503);
            assertThat(answer.body().path("type").asText()).isEqualTo("urn:ledger:problem:read-model-rebuilding");
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("10");
        }
        // the processor of the outdated task list is stopped, its token kept for the switch
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !upgraded.get("admin", "/api/admin/projections/tasks")
                        .body()
                        .path("running")
                        .asBoolean(true));
        assertThat(upgraded.post("office", "/api/tasks", TaskRequests.assignment("during-upgrade", "education"))
                        .status())
                .as("commands are taken while the task list is rebuilt")
                .isEqualTo(201);
        assertThat(upgraded.post("office", "/api/tasks/before-upgrade/urgings", "{\"note\":\"升级期间催办\"}")
                        .status())
                .as("also on a task the outdated list holds, which its live processor must not read")
                .isEqualTo(200);

        assertThat(upgraded.get("admin", "/api/admin/projections/roster")
                        .body()
                        .path("running")
                        .asBoolean(true))
                .as("the outdated roster's processor is stopped too")
                .isFalse();

        for (String group : List.of("tasks", "roster", "meetings")) {
            rebuildingElsewhere(
                    ledger.bean(MongoDatabase.class), group, Instant.now().minus(Duration.ofMinutes(5)));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> upgraded.get("viewer", "/api/tasks/during-upgrade").status() == 200);
        JsonNode taskAfter = upgraded.get("viewer", "/api/tasks/before-upgrade").body();
        assertThat(taskAfter.path("urgings")).hasSize(1);
        assertThat(without(taskAfter, "urgings", "version"))
                .as("otherwise as before the upgrade (the urging made the task's next version)")
                .isEqualTo(without(taskBefore, "urgings", "version"));
        JsonNode unitAfter = upgraded.get("viewer", "/api/units/education").body();
        assertThat(unitAfter.path("tasks").path("total").asInt())
                .isEqualTo(unitBefore.path("tasks").path("total").asInt() + 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> upgraded.get("viewer", roster).status() == 200);
        assertThat(upgraded.get("viewer", roster).body())
                .as("the roster rebuilt answers as before")
                .isEqualTo(rosterBefore);
        assertThat(upgraded.get("admin", "/api/admin/projections/roster")
                        .body()
                        .path("activeGeneration")
                        .asInt())
                .isEqualTo(2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> upgraded.get("viewer", meeting).status() == 200);
        assertThat(upgraded.get("viewer", meeting).body())
                .as("the meetings read model rebuilt answers as before")
                .isEqualTo(meetingBefore);
        JsonNode tasks = upgraded.get("admin", "/api/admin/projections/tasks").body();
        assertThat(tasks.path("activeGeneration").asInt())
                .as("the stale rebuild abandoned, its number taken again")
                .isEqualTo(2);
        assertThat(tasks.path("replay").path("state").asText()).isEqualTo("DONE");
        // and goes on after the switch, with what is commanded from then on
        await().atMost(Duration.ofSeconds(20))
                .until(() -> upgraded.get("admin", "/api/admin/projections/tasks")
                        .body()
                        .path("running")
                        .asBoolean());
        assertThat(upgraded.post("office", "/api/tasks", TaskRequests.assignment("after-upgrade", "education"))
                        .status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> upgraded.get("viewer", "/api/tasks/after-upgrade").status() == 200);
        assertThat(tasks.path("deadLetters").path("sequences").asInt(0))
                .as("no event failed")
                .isZero();
        ledger.close();
    }

    /** A plenary with one agreed matter (a task due next spring), its attendance and its signed minutes. */
    private static String aSignedMeeting(LedgerApi api) {
        String id = "plenary-before-upgrade";
        assertThat(api.post("office", "/api/meetings", """
                        {"meetingId":"%s","conferenceId":"%s","kind":"PLENARY","topic":"升级前的全体会议",
                         "scheduledAt":"2026-11-20T09:00:00+08:00","location":"省政府第一会议室","convenedBy":"kuang-yong"}
                        """.formatted(id, TaskRequests.CID))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("office", "/api/meetings/" + id + "/decisions", """
                        {"decisionId":"d-1","matter":"出台全省托育服务实施方案","major":false,
                         "tasks":[{"taskId":"t-spring","title":"起草实施方案","leadUnitCode":"education",
                                   "coUnitCodes":["finance"],"dueDate":"2027-03-31"}]}
                        """).status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("viewer", "/api/meetings/" + id).status() == 200);
        List<String> present = new java.util.ArrayList<>();
        api.get("viewer", "/api/meetings/" + id)
                .body()
                .get("participantUnits")
                .forEach(u -> present.add("\"" + u.get("unitCode").asText() + "\""));
        assertThat(api.post("office", "/api/meetings/" + id + "/attendance", "{\"present\":" + present + "}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                "office",
                                "/api/meetings/" + id + "/minutes/signature",
                                "{\"signedBy\":\"kuang-yong\",\"signedOn\":\"2026-11-22\"}")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "SIGNED"
                        .equals(api.get("viewer", "/api/meetings/" + id)
                                .body()
                                .path("minutes")
                                .path(0)
                                .path("state")
                                .asText()));
        return id;
    }

    private static JsonNode without(JsonNode answer, String... fields) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = answer.deepCopy();
        copy.remove(List.of(fields));
        return copy;
    }

    /**
     * The task and roster documents as the versions before typed documents wrote them: days as ISO text, no
     * format recorded.
     */
    static void asAnEarlierVersionLeftIt(MongoDatabase db) {
        for (String collection : List.of(
                "tasks",
                "roster_conferences",
                "roster_units",
                "roster_seat_terms",
                "roster_director_terms",
                "roster_liaison_terms",
                "meetings",
                "meeting_decisions")) {
            daysAsText(db.getCollection(collection));
        }
        db.getCollection("task_unit_counts").updateOne(eq("_id", "_complete"), Updates.unset("format"));
        db.getCollection("roster_origin").drop();
        db.getCollection("meetings_origin").drop();
    }

    private static void daysAsText(MongoCollection<Document> documents) {
        for (Document document : documents.find().into(new java.util.ArrayList<>())) {
            daysAsText(document);
            documents.replaceOne(eq("_id", document.get("_id")), document);
        }
    }

    private static void daysAsText(Document document) {
        for (Map.Entry<String, Object> field : document.entrySet()) {
            if (field.getValue() instanceof Date day) {
                field.setValue(
                        day.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString());
            } else if (field.getValue() instanceof Document nested) {
                daysAsText(nested);
            } else if (field.getValue() instanceof List<?> list) {
                list.stream().filter(Document.class::isInstance).forEach(nested -> daysAsText((Document) nested));
            }
        }
    }

    private static void rebuildingElsewhere(MongoDatabase db, String group, Instant heartbeat) {
        db.getCollection("read_model_generations")
                .replaceOne(
                        eq("_id", group),
                        new Document("_id", group)
                                .append("active", 1)
                                .append("building", 2)
                                .append("buildingCollections", List.of("tasks_scratch"))
                                .append("builder", "another-host/1")
                                .append("buildingSince", heartbeat.toString())
                                .append("heartbeat", heartbeat.toString()),
                        new ReplaceOptions().upsert(true));
    }
}
