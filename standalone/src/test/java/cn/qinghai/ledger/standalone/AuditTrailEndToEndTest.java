package cn.qinghai.ledger.standalone;

import static cn.qinghai.ledger.standalone.SeedConferenceEndToEndTest.SEED_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The audit trail, its exports, who may read it, an entity's history and the rebuild of a projection
 * without a gap for readers, on the standalone application with the seed conference (71 events).
 * One application for the class: no test here changes the seed history except by adding to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@LedgerTest(properties = "ledger.read-model.retired-generation-grace=0s", rosterOn = "")
class AuditTrailEndToEndTest {

    static final String CID = SeedConferenceEndToEndTest.CID;
    static final ObjectMapper JSON = new ObjectMapper();

    ConfigurableApplicationContext app;
    LedgerApi api;
    int port;

    @BeforeAll
    void start(StandaloneLedger ledger) {
        app = ledger.app();
        port = ledger.port();
        api = ledger.api();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("auditor", "/api/audit?type=OfficeDirectorAppointedEvent")
                                .body()
                                .get("total")
                                .asInt()
                        == 1);
    }

    @Test
    void theAuditTrailShowsEverySeedEventInGlobalOrderWithWhoEnteredItAndWhy() {
        JsonNode seed = api.get("auditor", "/api/audit?aggregateId=" + CID + "&size=500")
                .body();
        assertThat(seed.get("total").asInt()).isGreaterThanOrEqualTo(SEED_EVENTS);
        JsonNode items = seed.get("items");
        JsonNode first = items.get(0);
        assertThat(first.get("type").asText()).isEqualTo("ConferenceEstablishedEvent");
        assertThat(first.get("aggregateType").asText()).isEqualTo("Conference");
        assertThat(first.get("sequenceNumber").asLong()).isZero();
        assertThat(first.get("revision").asText()).isEqualTo("1");
        assertThat(first.get("actor").asText()).isEqualTo("system");
        assertThat(first.get("actorRole").asText()).isEqualTo("SYSTEM");
        assertThat(first.get("reason").asText()).isEqualTo("seed: 青政办函〔2021〕138号");
        assertThat(first.get("traceId").asText()).isNotBlank();
        assertThat(first.get("causationId").asText()).isNotBlank();
        assertThat(first.get("payload").get("documentNo").asText()).isEqualTo("青政办函〔2021〕138号");
        assertThat(first.get("timestamp").asText()).endsWith("+08:00");
        assertThat(first.get("link").asText()).hasSize(64);
        List<Long> positions = StreamSupport.stream(items.spliterator(), false)
                .map(i -> i.get("position").asLong())
                .toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();

        assertThat(api.get("auditor", "/api/audit?type=MemberAppointedEvent")
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(18);
        assertThat(api.get("auditor", "/api/audit?actor=system&type=MemberUnitAddedEvent")
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(16);
        JsonNode education = api.get("auditor", "/api/audit?unit=education&type=MemberAppointedEvent")
                .body();
        assertThat(education.get("items").get(0).get("payload").get("name").asText())
                .isEqualTo("钟泽海");
        assertThat(api.get("auditor", "/api/audit?from=2000-01-01&to=2000-01-02")
                        .body()
                        .get("total")
                        .asInt())
                .isZero();
        JsonNode paged = api.get("auditor", "/api/audit?aggregateId=" + CID + "&page=1&size=10")
                .body();
        assertThat(paged.get("items")).hasSize(10);
        assertThat(paged.get("items").get(0).get("position").asLong()).isEqualTo(positions.get(10));
    }

    @Test
    void aCommandOfAUnitIsRecordedWithItsUserUnitRoleReasonAndRequestId() throws Exception {
        HttpResponse<String> filed = http(
                "unit-finance",
                "PUT",
                "/api/conferences/" + CID + "/units/finance/liaison",
                "{\"name\":\"张联络\",\"title\":\"处长\",\"phone\":\"0971-1234567\",\"reason\":\"=工作调整\"}",
                "audit-e2e-request-1");
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("auditor", "/api/audit?actor=unit-finance")
                                .body()
                                .get("total")
                                .asInt()
                        == 1);
        JsonNode entry = api.get("auditor", "/api/audit?actor=unit-finance")
                .body()
                .get("items")
                .get(0);
        assertThat(entry.get("type").asText()).isEqualTo("LiaisonFiledEvent");
        assertThat(entry.get("actorUnit").asText()).isEqualTo("finance");
        assertThat(entry.get("actorRole").asText()).isEqualTo("UNIT");
        assertThat(entry.get("reason").asText()).isEqualTo("=工作调整");
        assertThat(entry.get("requestId").asText()).isEqualTo("audit-e2e-request-1");
        assertThat(entry.get("units").get(0).asText()).isEqualTo("finance");

        String csv =
                new String(bytes("auditor", "/api/audit/export?format=csv&actor=unit-finance"), StandardCharsets.UTF_8);
        assertThat(csv).as("a reason a spreadsheet would run is defused").contains(",\"'=工作调整\",");
    }

    @Test
    void entriesNameTypeAggregateAndRoleInChineseAndATypeIsFoundByItsChineseName() throws Exception {
        JsonNode established = api.get("auditor", "/api/audit?aggregateId=" + CID + "&size=1")
                .body()
                .get("items")
                .get(0);
        assertThat(established.get("type").asText()).isEqualTo("ConferenceEstablishedEvent");
        assertThat(established.path("typeZh").asText())
                .as(established.toString())
                .isEqualTo("联席会议设立");
        assertThat(established.get("aggregateTypeZh").asText()).isEqualTo("联席会议");
        assertThat(established.get("actorRole").asText()).isEqualTo("SYSTEM");
        assertThat(established.get("actorRoleZh").asText()).isEqualTo("系统");

        expect(api.post("office", "/api/tasks", TaskRequests.assignment("audit-urged", "youth-league")), 201);
        expect(api.post("office", "/api/tasks/audit-urged/urgings", "{\"note\":\"请尽快报送\"}"), 200);
        expect(api.post("office", "/api/tasks/audit-urged/urgings", "{\"note\":\"再次催办\"}"), 200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("auditor", "/api/audit?type=" + url("催办"))
                                .body()
                                .get("total")
                                .asInt()
                        == 2);
        for (String type : List.of("催办", "任务催办", "TaskUrgedEvent", "urged")) {
            JsonNode found = api.get("auditor", "/api/audit?type=" + url(type)).body();
            assertThat(found.get("total").asInt()).as(type).isEqualTo(2);
            for (JsonNode entry : found.get("items")) {
                assertThat(entry.get("type").asText()).isEqualTo("TaskUrgedEvent");
                assertThat(entry.get("typeZh").asText()).isEqualTo("任务催办");
                assertThat(entry.get("aggregateType").asText()).isEqualTo("Task");
                assertThat(entry.get("aggregateTypeZh").asText()).isEqualTo("督办事项");
                assertThat(entry.get("actorRole").asText()).isEqualTo("OFFICE");
                assertThat(entry.get("actorRoleZh").asText()).isEqualTo("联席会议办公室");
            }
        }
        assertThat(api.get("auditor", "/api/audit?type=" + url("交办"))
                        .body()
                        .get("items")
                        .get(0)
                        .get("type")
                        .asText())
                .isEqualTo("TaskAssignedEvent");
        assertThat(api.get("auditor", "/api/audit?type=" + url("没有这种事件"))
                        .body()
                        .get("total")
                        .asInt())
                .isZero();

        byte[] csv = bytes("auditor", "/api/audit/export?format=csv&type=" + url("催办"));
        List<String> lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(lines.get(0))
                .startsWith("position,timestamp,aggregateType,aggregateId,sequenceNumber,type")
                .endsWith(",link,typeZh,aggregateTypeZh,actorRoleZh");
        assertThat(lines).hasSize(1 + 2);
        assertThat(lines.get(1)).endsWith(",\"任务催办\",\"督办事项\",\"联席会议办公室\"");
        List<String> jsonl = new String(
                        bytes("auditor", "/api/audit/export?format=jsonl&type=" + url("催办")), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(jsonl).hasSize(2);
        for (String line : jsonl) {
            JsonNode entry = JSON.readTree(line);
            assertThat(entry.get("typeZh").asText()).isEqualTo("任务催办");
            assertThat(entry.get("aggregateTypeZh").asText()).isEqualTo("督办事项");
            assertThat(entry.get("actorRoleZh").asText()).isEqualTo("联席会议办公室");
        }

        for (String bad : List.of("催办 x", "\"催办\"", "{\"$ne\":1}", "<b>", "催".repeat(201))) {
            for (String path : List.of("/api/audit?type=", "/api/audit/export?type=")) {
                var refused = api.get("auditor", path + url(bad));
                assertThat(refused.status()).as(path + bad).isEqualTo(400);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.body().get("errors").get(0).get("field").asText())
                        .isEqualTo("type");
            }
        }
    }

    @Test
    void onlyAuditorsAdministratorsAndTheOfficeReadTheAuditTrail() {
        for (String reader : List.of("auditor", "admin", "office")) {
            assertThat(api.get(reader, "/api/audit?size=1").status()).as(reader).isEqualTo(200);
        }
        for (String path : List.of(
                "/api/audit",
                "/api/audit/export",
                "/api/audit/verify",
                "/api/audit/checkpoint",
                "/api/audit/entities/" + CID)) {
            for (String other : List.of("viewer", "unit-education")) {
                var refused = api.get(other, path);
                assertThat(refused.status()).as(other + " " + path).isEqualTo(403);
                assertThat(refused.contentType()).startsWith("application/problem+json");
            }
            assertThat(api.get(null, path).status()).as("anonymous " + path).isEqualTo(401);
        }
    }

    @Test
    void theTrailIsExportedAsCsvWithAByteOrderMarkAndAsJsonLines() throws Exception {
        byte[] csv = bytes("auditor", "/api/audit/export?format=csv&type=MemberAppointedEvent");
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(lines.get(0)).startsWith("position,timestamp,aggregateType,aggregateId,sequenceNumber,type");
        assertThat(lines).hasSize(1 + 18);
        assertThat(lines.get(1)).contains("MemberAppointedEvent").contains("匡湧");

        List<String> jsonl = new String(
                        bytes("auditor", "/api/audit/export?format=jsonl&type=MemberAppointedEvent"),
                        StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(jsonl).hasSize(18);
        List<Long> positions = new ArrayList<>();
        for (String line : jsonl) {
            JsonNode entry = JSON.readTree(line);
            assertThat(entry.get("type").asText()).isEqualTo("MemberAppointedEvent");
            positions.add(entry.get("position").asLong());
        }
        assertThat(positions).isSorted();

        HttpResponse<String> response = http("auditor", "GET", "/api/audit/export?format=jsonl&size=1", null, null);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment");
    }

    @Test
    void badAuditRequestsGetProblemDetails() {
        for (String path : List.of(
                "/api/audit?from=yesterday",
                "/api/audit?size=501",
                "/api/audit?page=-1",
                "/api/audit?to=%2B999999999-12-31T23:59:59Z",
                "/api/audit?from=2024-01-01T08:00:00",
                "/api/audit?from=2024-02-01&to=2024-01-01",
                "/api/audit?aggregateId=bad%20id",
                "/api/audit/export?format=xml",
                "/api/audit/verify?checkpointPosition=3",
                "/api/audit/verify?checkpointPosition=3&checkpointHash=xyz",
                "/api/audit/verify?checkpointPosition=-1&checkpointHash=" + "a".repeat(64))) {
            var bad = api.get("auditor", path);
            assertThat(bad.status()).as(path).isEqualTo(400);
            assertThat(bad.contentType()).as(path).startsWith("application/problem+json");
        }
        var unknown = api.get("auditor", "/api/audit/entities/nobody");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anEntitysHistoryComesFromTheEventStoreWithItsMetadataAndTheStateAfterEachEvent() {
        JsonNode history =
                api.get("auditor", "/api/audit/entities/" + CID + "?size=3").body();
        assertThat(history.get("aggregateType").asText()).isEqualTo("Conference");
        assertThat(history.get("total").asInt()).isGreaterThanOrEqualTo(SEED_EVENTS);
        JsonNode items = history.get("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("type").asText()).isEqualTo("ConferenceEstablishedEvent");
        assertThat(items.get(0).get("metaData").get("actor").asText()).isEqualTo("system");
        assertThat(items.get(0).get("position").isNumber()).isTrue();
        assertThat(items.get(1).get("sequenceNumber").asInt()).isEqualTo(1);
        JsonNode stateAfterSecond = items.get(1).get("stateAfter");
        assertThat(stateAfterSecond.get("documentNo").asText())
                .as("kept from the first event")
                .isEqualTo("青政办函〔2021〕138号");
        assertThat(stateAfterSecond.get("unitCode").asText())
                .as("added by the second")
                .isEqualTo(items.get(1).get("payload").get("unitCode").asText());
    }

    @Test
    void theRosterIsRebuiltIntoAFreshGenerationAndSwitchedWithoutAGapForReaders() {
        String rosterPath = "/api/conferences/" + CID + "/roster?asOf=2021-08-12";
        JsonNode before = SeedConferenceEndToEndTest.awaitRoster(api, "2021-08-12", 18);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode roster =
                    api.get("auditor", "/api/admin/projections/roster").body();
            return roster.get("claimedHere").asInt() == roster.get("segments").asInt();
        });

        var started = api.post("admin", "/api/admin/projections/roster/replay", "");
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        assertThat(started.body().get("fromGeneration").asInt()).isEqualTo(1);
        assertThat(started.body().get("toGeneration").asInt()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            // readers are served the whole roster at every moment of the rebuild
            assertThat(api.get("viewer", rosterPath).body()).isEqualTo(before);
            assertThat(api.get("admin", "/api/admin/projections/roster")
                            .body()
                            .get("replay")
                            .get("state")
                            .asText())
                    .isEqualTo("DONE");
        });

        JsonNode roster = api.get("admin", "/api/admin/projections/roster").body();
        assertThat(roster.get("activeGeneration").asInt()).isEqualTo(2);
        assertThat(roster.get("replay").get("eventsDone").asLong()).isGreaterThanOrEqualTo(SEED_EVENTS);
        assertThat(roster.get("running").asBoolean()).isTrue();
        assertThat(api.get("viewer", rosterPath).body()).isEqualTo(before);
        var database = app.getBean(com.mongodb.client.MongoDatabase.class);
        List<String> collections = database.listCollectionNames().into(new ArrayList<>());
        assertThat(collections).contains("roster_units_g2").doesNotContain("roster_units");

        // the live processor resumed on the new generation
        var filed = api.put(
                "unit-health",
                "/api/conferences/" + CID + "/units/health/liaison",
                "{\"name\":\"王联络\",\"title\":\"处长\",\"phone\":\"0971-7654321\"}"); // effective today
        assertThat(filed.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "王联络"
                        .equals(api.get("viewer", "/api/units/health")
                                .body()
                                .path("liaison")
                                .path("name")
                                .asText()));
    }

    @Test
    void administratorsAndAuditorsSeeEachProjectionsPositionAgainstTheHead() {
        JsonNode all = api.get("auditor", "/api/admin/projections").body();
        assertThat(all.get("head").asLong()).isPositive();
        List<String> names = StreamSupport.stream(all.get("items").spliterator(), false)
                .map(i -> i.get("name").asText())
                .collect(Collectors.toList());
        assertThat(names).contains("audit", "roster", "command-lookups");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode audit = api.get("admin", "/api/admin/projections/audit").body();
            assertThat(audit.get("kind").asText()).isEqualTo("pooled-streaming");
            assertThat(audit.get("segments").asInt()).isEqualTo(1);
            assertThat(audit.get("lag").asLong()).isZero();
            assertThat(audit.get("replayable").asBoolean()).isFalse();
        });
        assertThat(api.get("admin", "/api/admin/projections/command-lookups")
                        .body()
                        .get("kind")
                        .asText())
                .isEqualTo("subscribing");

        assertThat(api.get("viewer", "/api/admin/projections").status()).isEqualTo(403);
        assertThat(api.post("auditor", "/api/admin/projections/roster/replay", "")
                        .status())
                .isEqualTo(403);
        assertThat(api.post("office", "/api/admin/projections/roster/replay", "")
                        .status())
                .isEqualTo(403);
        var audit = api.post("admin", "/api/admin/projections/audit/replay", "");
        assertThat(audit.status()).isEqualTo(409);
        assertThat(audit.body().get("rule").asText()).isEqualTo("AuditTrailIsEvidence");
        assertThat(api.post("admin", "/api/admin/projections/nothing/replay", "")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("admin", "/api/admin/projections/nothing").status()).isEqualTo(404);
    }

    private HttpResponse<String> http(String user, String method, String path, String json, String requestId)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", basic(user))
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private byte[] bytes(String user, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", basic(user))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static String url(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void expect(LedgerApi.Response response, int status) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
