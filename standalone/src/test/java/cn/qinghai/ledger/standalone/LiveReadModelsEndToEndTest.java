package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dashboard's live views: a unit's progress report made through the API reaches an open
 * {@code /api/live/tasks} and {@code /api/live/units} stream as a fresh answer, with no reload, and does
 * not disturb a stream filtered to another unit.
 */
@LedgerTest(properties = "ledger.live.heartbeat=PT0.5S")
class LiveReadModelsEndToEndTest {

    static final String CID = "qh-infant-care";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(20);

    static ConfigurableApplicationContext app;
    static LedgerApi api;
    static int port;

    @BeforeAll
    static void start(StandaloneLedger ledger) {
        app = ledger.app();
        api = ledger.api();
        port = ledger.port();
    }

    static JsonNode json(SseClient.Event event) throws Exception {
        return JSON.readTree(event.data());
    }

    static JsonNode task(JsonNode list, String taskId) {
        for (JsonNode row : list.get("items")) {
            if (row.get("taskId").asText().equals(taskId)) {
                return row;
            }
        }
        return null;
    }

    /** Events until one satisfies {@code test}: intermediate answers (other changes) may come first. */
    static JsonNode awaitAnswer(SseClient client, String name, java.util.function.Predicate<JsonNode> test)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            SseClient.Event event = client.events.poll(1, TimeUnit.SECONDS);
            if (event != null) {
                assertThat(event.name()).isEqualTo(name);
                JsonNode answer = json(event);
                if (test.test(answer)) {
                    return answer;
                }
            }
        }
        throw new AssertionError("no " + name + " answer as expected within " + WAIT + "; stream: " + client.raw);
    }

    @Test
    void aProgressReportReachesTheOpenTaskListAndUnitBoardStreamsWithoutAReload() throws Exception {
        var assigned = api.post("office", "/api/tasks", """
                {"taskId":"live-1","conferenceId":"qh-infant-care","title":"制定托育服务专项方案","leadUnitCode":"education",
                 "dueInWorkingDays":20,"source":"省政府领导批示"}""");
        assertThat(assigned.status()).isEqualTo(201);
        await().atMost(WAIT).until(() -> api.get("viewer", "/api/tasks/live-1").status() == 200);

        try (SseClient tasks = SseClient.open(port, "viewer", "/api/live/tasks?conferenceId=" + CID, null);
                SseClient board = SseClient.open(port, "unit-education", "/api/live/units?conferenceId=" + CID, null);
                SseClient finance = SseClient.open(port, "viewer", "/api/live/tasks?unit=finance", null)) {
            assertThat(tasks.status).isEqualTo(200);
            assertThat(tasks.contentType).startsWith("text/event-stream");
            JsonNode initial = awaitAnswer(tasks, "tasks", list -> task(list, "live-1") != null);
            assertThat(task(initial, "live-1").get("latestPercent").isNull()).isTrue();
            JsonNode initialBoard =
                    awaitAnswer(board, "units", b -> b.get("total").asInt() == 16);
            assertThat(initialBoard.get("items").findValuesAsText("unitCode")).contains("education");
            JsonNode initialFinance = awaitAnswer(finance, "tasks", list -> true);
            assertThat(initialFinance.get("total").asInt()).isZero();

            var reported = api.post(
                    "unit-education",
                    "/api/tasks/live-1/progress",
                    "{\"percentComplete\":40,\"summary\":\"已完成全省摸底调研\"}");
            assertThat(reported.status()).as(reported.raw()).isEqualTo(200);

            JsonNode updated = awaitAnswer(
                    tasks,
                    "tasks",
                    list -> task(list, "live-1") != null
                            && task(list, "live-1").get("latestPercent").asInt() == 40);
            assertThat(task(updated, "live-1").get("status").asText()).isEqualTo("IN_PROGRESS");
            JsonNode updatedBoard = awaitAnswer(board, "units", b -> {
                for (JsonNode unit : b.get("items")) {
                    if (unit.get("unitCode").asText().equals("education")) {
                        return !unit.get("lastReportAt").isNull();
                    }
                }
                return false;
            });
            assertThat(updatedBoard.get("total").asInt()).isEqualTo(16);
            // a stream filtered to another unit is not woken up, though it keeps its heartbeats
            int heartbeats = finance.comments.get();
            await().atMost(WAIT).until(() -> finance.comments.get() >= heartbeats + 2);
            assertThat(finance.events)
                    .as("no answer for a change that is not its unit's")
                    .isEmpty();
        }
    }

    /** The board shows who has not reported in the latest open round: a round's events wake its stream. */
    @Test
    void aReportingRoundOpenedAndAReportSubmittedReachTheOpenUnitBoardStream() throws Exception {
        try (SseClient board = SseClient.open(port, "viewer", "/api/live/units?conferenceId=" + CID, null)) {
            awaitAnswer(board, "units", b -> b.get("total").asInt() == 16);
            String rounds = "/api/conferences/" + CID + "/reporting-rounds";
            var opened = api.post("office", rounds, """
                    {"kind":"ANNUAL","period":"2030","dueDate":"2031-01-31"}""");
            assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
            awaitAnswer(board, "units", b -> b.get("total").asInt() == 16);
            var reported = api.post("unit-education", rounds + "/2030/reports", "{\"text\":\"年度工作总结\"}");
            assertThat(reported.status()).as(reported.raw()).isEqualTo(200);
            awaitAnswer(board, "units", b -> b.get("total").asInt() == 16);
        }
    }

    @Test
    void badParametersAreProblemDetailsNotStreams() {
        for (String query : java.util.List.of("rag=PURPLE", "conferenceId=bad%20id", "size=0", "dueBefore=yesterday")) {
            var response = api.get("viewer", "/api/live/tasks?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
        }
        assertThat(api.get(null, "/api/live/units").status()).isEqualTo(401);
    }
}
