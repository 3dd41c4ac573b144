package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinghai.ledger.events.meeting.*;
import cn.qinghai.ledger.events.task.*;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The meeting and task read models through the whole standalone application: their events are
 * appended to the event store as the command side will append them, and the HTTP API answers the
 * lists, details, register, unit board, circular files and gauges, and refuses bad input with
 * problem details.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@LedgerTest(properties = "ledger.metrics.unit-gauges-refresh=PT0.5S", rosterOn = "")
class ReadModelsEndToEndTest {

    static final String CID = SeedConferenceEndToEndTest.CID;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String DOC = "青卫纪〔2025〕1号";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    ConfigurableApplicationContext app;
    LedgerApi api;
    LocalDate today;

    @BeforeAll
    void startAndRecordAMeetingAndTwoTasks(StandaloneLedger ledger) {
        app = ledger.app();
        api = ledger.api();
        today = LocalDate.now(ZONE);
        OffsetDateTime now = OffsetDateTime.now(ZONE);

        TaskSpec spec = new TaskSpec("e2e-t1", "建设托育综合服务中心", "health", List.of("education"), today.minusDays(5));
        List<EventMessage<?>> events = new ArrayList<>();
        stream(
                events,
                "Meeting",
                "e2e-m1",
                new MeetingConvenedEvent(
                        "e2e-m1",
                        CID,
                        MeetingKind.PLENARY,
                        "2025年第一次全体会议",
                        now.minusDays(20),
                        "省政府第一会议室",
                        "kuang-yong",
                        "匡湧",
                        List.of("health", "education", "finance"),
                        List.of()),
                new DecisionRecordedEvent("e2e-m1", CID, "d1", 1, spec.title(), false, List.of(spec)),
                new MinutesSignedEvent("e2e-m1", 1, "kuang-yong", "匡湧", today.minusDays(19)),
                new MinutesIssuedEvent("e2e-m1", CID, 1, DOC, List.of("各成员单位"), today.minusDays(18), List.of("d1")));
        stream(
                events,
                "Task",
                "e2e-t1",
                new TaskAssignedEvent(
                        "e2e-t1",
                        CID,
                        spec.title(),
                        "health",
                        List.of("education"),
                        spec.dueDate(),
                        TaskSource.decision("e2e-m1", "d1", DOC),
                        today.minusDays(18)),
                new ProgressReportedEvent("e2e-t1", "health", 40, "选址完成", now.minusDays(10)));
        stream(
                events,
                "Task",
                "e2e-t2",
                new TaskAssignedEvent(
                        "e2e-t2",
                        CID,
                        "制定托育补贴办法",
                        "finance",
                        List.of(),
                        today.plusDays(60),
                        TaskSource.direct("省政府领导批示"),
                        today));
        EventStore store = app.getBean(EventStore.class);
        app.getBean(TransactionManager.class).executeInTransaction(() -> store.publish(events));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("viewer", "/api/tasks?conferenceId=" + CID)
                                        .body()
                                        .path("total")
                                        .asInt()
                                == 2
                        && api.get("viewer", "/api/decisions?conferenceId=" + CID)
                                        .body()
                                        .path("total")
                                        .asInt()
                                == 1);
    }

    private static void stream(List<EventMessage<?>> events, String type, String id, Object... payloads) {
        for (int seq = 0; seq < payloads.length; seq++) {
            events.add(new GenericDomainEventMessage<>(type, id, seq, payloads[seq]));
        }
    }

    @Test
    void theTaskListShowsRagAndFiltersByUnitAndRag() {
        JsonNode red =
                api.get("viewer", "/api/tasks?conferenceId=" + CID + "&rag=RED").body();
        assertThat(red.get("total").asInt()).isEqualTo(1);
        JsonNode late = red.get("items").get(0);
        assertThat(late.get("taskId").asText()).isEqualTo("e2e-t1");
        assertThat(late.get("overdue").asBoolean()).isTrue();
        assertThat(late.get("leadUnitName").asText()).isEqualTo("省卫生健康委");
        assertThat(ids(api.get("viewer", "/api/tasks?unit=education").body())).containsExactly("e2e-t1");
        assertThat(ids(api.get("viewer", "/api/tasks?rag=GREEN&size=1").body())).containsExactly("e2e-t2");

        JsonNode detail = api.get("viewer", "/api/tasks/e2e-t1").body();
        assertThat(detail.get("coUnits").get(0).get("name").asText()).isEqualTo("省教育厅");
        assertThat(detail.get("progress").get(0).get("summary").asText()).isEqualTo("选址完成");
        assertThat(detail.get("rag").asText()).isEqualTo("RED");
    }

    @Test
    void theMeetingAndTheRegisterFollowTheMatterToItsTask() {
        JsonNode meetings =
                api.get("viewer", "/api/meetings?conferenceId=" + CID).body();
        assertThat(meetings.get("total").asInt()).isEqualTo(1);
        assertThat(meetings.get("items").get(0).get("minutesState").asText()).isEqualTo("ISSUED");
        JsonNode meeting = api.get("viewer", "/api/meetings/e2e-m1").body();
        assertThat(meeting.get("participantUnits").get(0).get("name").asText()).isEqualTo("省卫生健康委");
        assertThat(meeting.get("minutes").get(0).get("documentNo").asText()).isEqualTo(DOC);

        JsonNode row = api.get("viewer", "/api/decisions?conferenceId=" + CID)
                .body()
                .get("items")
                .get(0);
        assertThat(row.get("minutesDocumentNo").asText()).isEqualTo(DOC);
        assertThat(row.get("tasks").get(0).get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(row.get("allTasksClosed").asBoolean()).isFalse();
    }

    @Test
    void theUnitBoardKeepsTheDirectoryAndAddsEachUnitsTasks() {
        JsonNode board = api.get("viewer", "/api/units?conferenceId=" + CID).body();
        assertThat(board.get("total").asInt()).isEqualTo(16);
        JsonNode health = null;
        for (JsonNode unit : board.get("items")) {
            if (unit.get("unitCode").asText().equals("health")) {
                health = unit;
            }
        }
        assertThat(health).isNotNull();
        assertThat(health.get("name").asText()).isEqualTo("省卫生健康委");
        assertThat(health.get("member").get("name").asText()).isEqualTo("苏全仁");
        assertThat(health.get("active").asBoolean()).isTrue();
        assertThat(health.get("tasks").get("open").asInt()).isEqualTo(1);
        assertThat(health.get("overdue").asInt()).isEqualTo(1);
        assertThat(health.get("rag").asText()).isEqualTo("RED");

        JsonNode finance =
                api.get("viewer", "/api/units/finance?conferenceId=" + CID).body();
        assertThat(finance.get("tasks").get("open").asInt()).isEqualTo(1);
        assertThat(finance.get("rag").asText()).isEqualTo("GREEN");
        assertThat(api.get("viewer", "/api/units/education")
                        .body()
                        .get("tasks")
                        .get("asCoUnit")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void theCircularComesAsJsonCsvWithBomOrExcel() {
        String period = "/api/circulars?conferenceId=" + CID + "&from=" + today.minusDays(30) + "&to=" + today;
        JsonNode json = api.get("viewer", period).body();
        assertThat(json.get("totals").get("assigned").asInt()).isEqualTo(2);
        assertThat(json.get("totals").get("overdue").asInt()).isEqualTo(1);
        assertThat(json.get("overdue").get(0).get("taskId").asText()).isEqualTo("e2e-t1");

        LedgerApi.Download csv = api.download("viewer", period, "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.contentDisposition()).startsWith("attachment");
        assertThat(Arrays.copyOf(csv.bytes(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv.bytes(), StandardCharsets.UTF_8)).contains("成员单位", "省卫生健康委", "建设托育综合服务中心");

        LedgerApi.Download xlsx = api.download("viewer", period, XLSX);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).isEqualTo(XLSX);
        assertThat(new String(Arrays.copyOf(xlsx.bytes(), 2), StandardCharsets.US_ASCII))
                .isEqualTo("PK");
        assertThat(api.download("viewer", period + "&format=xlsx", null).contentType())
                .isEqualTo(XLSX);
    }

    @Test
    void theUnitGaugesAreScrapedByPrometheus() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = api.get("admin", "/actuator/prometheus").raw();
            assertThat(metrics.lines()
                            .filter(line ->
                                    line.startsWith("ledger_tasks_overdue{") && line.contains("unit=\"health\""))
                            .findFirst())
                    .hasValueSatisfying(line -> assertThat(line).endsWith(" 1.0"));
            assertThat(metrics.lines()
                            .filter(line -> line.startsWith("ledger_tasks_open{") && line.contains("unit=\"finance\""))
                            .findFirst())
                    .hasValueSatisfying(line -> assertThat(line).endsWith(" 1.0"));
        });
    }

    @Test
    void badQueriesGetProblemDetailsNeverAServerError() {
        for (String path : List.of(
                "/api/tasks?rag=PURPLE",
                "/api/tasks?status=DONE",
                "/api/tasks?size=501",
                "/api/tasks?page=-1",
                "/api/tasks?unit=bad%20id!",
                "/api/tasks?dueBefore=soon",
                "/api/meetings?size=0",
                "/api/decisions?meetingId=%E4%BC%9A",
                "/api/units?conferenceId=a/b",
                "/api/circulars?from=2025-03-02&to=2025-03-01",
                "/api/circulars?from=march",
                "/api/circulars?format=pdf")) {
            var answer = api.get("viewer", path);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
        }
        var reversed = api.download("viewer", "/api/circulars?from=2025-03-02&to=2025-03-01", "text/csv");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.contentType()).startsWith("application/problem+json");
        for (String path : List.of("/api/tasks/nope", "/api/meetings/nope", "/api/units/nowhere")) {
            var answer = api.get("viewer", path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
        }
        assertThat(api.download("viewer", "/api/circulars", "text/html").status())
                .isEqualTo(406);
        assertThat(api.get(null, "/api/tasks").status()).isEqualTo(401);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("items").forEach(item -> ids.add(item.get("taskId").asText()));
        return ids;
    }
}
