package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

/**
 * The working rules and the supervision of tasks end to end on the seed conference: a plenary from
 * convening to issued minutes, the tasks it assigns, a task's whole life, and a due date passing
 * (on a controlled clock, across a restart).
 */
class MeetingsAndTasksEndToEndTest extends SeedLedgerOnATestClock {

    static final String M = "plenary-2026-1";

    List<String> eventTypes(String aggregateId) {
        return app.getBean(EventStore.class)
                .readEvents(aggregateId)
                .asStream()
                .map(DomainEventMessage::getPayloadType)
                .map(Class::getSimpleName)
                .toList();
    }

    List<String> taskIds() {
        return api.get("viewer", "/api/tasks?conferenceId=" + CID)
                .body()
                .get("items")
                .findValuesAsText("taskId");
    }

    com.fasterxml.jackson.databind.JsonNode register() {
        return api.get("viewer", "/api/decisions?meetingId=" + M).body().get("items");
    }

    void conveneAndIssue() {
        expect(api.post("office", "/api/meetings", """
                {"meetingId":"plenary-wrong","conferenceId":"qh-infant-care","kind":"PLENARY","topic":"第一次全体会议",
                 "scheduledAt":"2026-03-10T09:00:00+08:00","location":"省政府第一会议室","convenedBy":"jin-shengshou"}
                """), 422, "PlenaryConvenedByConvener");
        expect(api.post("office", "/api/meetings", """
                {"meetingId":"plenary-2026-1","conferenceId":"qh-infant-care","kind":"PLENARY","topic":"第一次全体会议",
                 "scheduledAt":"2026-03-10T09:00:00+08:00","location":"省政府第一会议室","convenedBy":"kuang-yong",
                 "invitedDepartments":["省委宣传部"]}
                """), 201, null);
        expect(api.post("office", "/api/meetings/" + M + "/decisions", """
                {"decisionId":"d-1","matter":"出台全省托育服务实施方案","major":false,
                 "tasks":[{"taskId":"t-1","title":"起草实施方案","leadUnitCode":"education","coUnitCodes":["finance"],
                           "dueDate":"2026-06-30"}]}
                """), 201, null);
        expect(api.post("office", "/api/meetings/" + M + "/decisions", """
                {"decisionId":"d-2","matter":"设立省级普惠托育专项资金","major":true,
                 "tasks":[{"taskId":"t-2","title":"测算资金规模","leadUnitCode":"finance","dueDate":"2026-09-30"}]}
                """), 201, null);
        expect(
                api.post(
                        "office",
                        "/api/meetings/" + M + "/minutes/signature",
                        "{\"signedBy\":\"kuang-yong\",\"signedOn\":\"2026-03-10\"}"),
                422,
                "AttendanceBeforeSignature");
        expect(
                api.post("office", "/api/meetings/" + M + "/attendance", "{\"present\":" + participants() + "}"),
                200,
                null);
        expect(
                api.post(
                        "office",
                        "/api/meetings/" + M + "/minutes/signature",
                        "{\"signedBy\":\"jin-shengshou\",\"signedOn\":\"2026-03-10\"}"),
                422,
                "OnlyTheConvenerSignsMinutes");
        expect(
                api.post(
                        "office",
                        "/api/meetings/" + M + "/minutes/signature",
                        "{\"signedBy\":\"kuang-yong\",\"signedOn\":\"2026-03-10\"}"),
                200,
                null);
        expect(
                api.post(
                        "office",
                        "/api/meetings/" + M + "/decisions",
                        "{\"decisionId\":\"d-3\",\"matter\":\"补充\",\"major\":false}"),
                422,
                "DecisionsOnlyUntilMinutesSigned");
        expect(
                api.post(
                        "office",
                        "/api/meetings/" + M + "/minutes/issue",
                        "{\"documentNo\":\"青婴托联〔2026〕1号\",\"distribution\":[\"各市州人民政府\",\"省政府各委办厅局\"],"
                                + "\"issuedOn\":\"2026-03-11\"}"),
                200,
                null);
        expect(
                api.post(
                        "office",
                        "/api/meetings/" + M + "/minutes/issue",
                        "{\"documentNo\":\"青婴托联〔2026〕2号\",\"distribution\":[\"各市州\"]}"),
                409,
                "IssueSignedMinutesOnce");
    }

    /** The units of the plenary (every active member unit), as a JSON array. */
    String participants() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("viewer", "/api/meetings/" + M).status() == 200);
        var units = api.get("viewer", "/api/meetings/" + M).body().get("participantUnits");
        List<String> codes = new java.util.ArrayList<>();
        units.forEach(u ->
                codes.add("\"" + (u.isTextual() ? u.asText() : u.get("unitCode").asText()) + "\""));
        return codes.toString();
    }

    @Test
    void aPlenaryFromConveningToIssuedMinutesAssignsOrdinaryTasksAtOnceAndMajorOnesOnApproval() {
        conveneAndIssue();
        assertThat(eventTypes("t-1")).containsExactly("TaskAssignedEvent");
        assertThat(eventTypes("t-2")).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> taskIds().contains("t-1"));
        assertThat(taskIds()).containsExactly("t-1");

        expect(
                api.post(
                        "office",
                        "/api/meetings/" + M + "/decisions/d-2/approval-request",
                        "{\"submittedTo\":\"省人民政府\",\"documentNo\":\"青婴托联呈〔2026〕1号\"}"),
                200,
                null);
        assertThat(eventTypes("t-2")).isEmpty();
        expect(
                api.post(
                        "office",
                        "/api/meetings/" + M + "/decisions/d-2/approval",
                        "{\"approved\":true,\"approver\":\"省人民政府\",\"documentNo\":\"青政函〔2026〕9号\",\"decidedOn\":\"2026-03-20\"}"),
                200,
                null);
        assertThat(eventTypes("t-2")).containsExactly("TaskAssignedEvent");
        await().atMost(Duration.ofSeconds(30)).until(() -> taskIds().size() == 2);
        assertThat(taskIds()).containsExactlyInAnyOrder("t-1", "t-2");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> register().findValuesAsText("approval").contains("APPROVED"));
        var register = register();
        assertThat(register.findValuesAsText("approval")).containsExactly("NOT_REQUIRED", "APPROVED");
        assertThat(register.findValuesAsText("minutesDocumentNo")).containsOnly("青婴托联〔2026〕1号");
        assertThat(register.findValuesAsText("matter")).containsExactlyInAnyOrder("出台全省托育服务实施方案", "设立省级普惠托育专项资金");
        var meeting = api.get("viewer", "/api/meetings/" + M).body();
        assertThat(meeting.get("invitedDepartments").get(0).asText()).isEqualTo("省委宣传部");
        assertThat(meeting.get("participantUnits").size()).isEqualTo(16);
        assertThat(eventTypes(M))
                .containsExactly(
                        "MeetingConvenedEvent",
                        "DecisionRecordedEvent",
                        "DecisionRecordedEvent",
                        "AttendanceRecordedEvent",
                        "MinutesSignedEvent",
                        "MinutesIssuedEvent",
                        "MatterSubmittedForApprovalEvent",
                        "MatterApprovedEvent");
    }

    @Test
    void aTaskRunsFromAssignmentThroughProgressUrgingExtensionCompletionReturnAndClosure() {
        conveneAndIssue();
        String t = "/api/tasks/t-1";
        expect(api.post("unit-finance", t + "/acknowledgement", "{}"), 422, "LeadUnitAcknowledgesOnce");
        expect(api.post("unit-education", t + "/acknowledgement", "{}"), 200, null);
        expect(
                api.post(
                        "unit-finance",
                        t + "/progress",
                        "{\"unitCode\":\"finance\",\"percentComplete\":30,\"summary\":\"资金测算中\"}"),
                200,
                null);
        expect(
                api.post(
                        "unit-finance",
                        t + "/progress",
                        "{\"unitCode\":\"education\",\"percentComplete\":90,\"summary\":\"x\"}"),
                403,
                null);
        expect(
                api.post("unit-health", t + "/progress", "{\"percentComplete\":10,\"summary\":\"x\"}"),
                403,
                null); // not a task of 省卫生健康委
        expect(api.post("unit-education", t + "/progress", "{\"percentComplete\":50,\"summary\":\"初稿完成\"}"), 200, null);
        expect(
                api.post("unit-education", t + "/progress", "{\"percentComplete\":40,\"summary\":\"x\"}"),
                422,
                "ProgressNeverGoesDown");
        java.time.Instant beforeUrging = java.time.Instant.now();
        expect(api.post("office", t + "/urgings", "{\"note\":\"请于月底前报送初稿\"}"), 200, null);
        expect(api.post("unit-education", t + "/urgings", "{\"note\":\"x\"}"), 403, null);
        expect(
                api.post(
                        "unit-education",
                        t + "/extension-requests",
                        "{\"requestId\":\"r-1\",\"newDueDate\":\"2026-07-31\",\"reason\":\"需征求各市州意见\"}"),
                201,
                null);
        expect(api.post("office", t + "/extension-requests/r-1/grant", "{\"note\":\"同意延期\"}"), 200, null);
        expect(api.post("unit-finance", t + "/completion", "{\"summary\":\"x\"}"), 422, "LeadUnitSubmitsCompletion");
        expect(
                api.post("unit-education", t + "/completion", "{\"summary\":\"方案已印发\",\"evidence\":[\"青教〔2026〕12号\"]}"),
                422,
                "CompletionMeansOneHundredPercent");
        expect(
                api.post("unit-education", t + "/progress", "{\"percentComplete\":100,\"summary\":\"方案已印发\"}"),
                200,
                null);
        expect(
                api.post("unit-education", t + "/completion", "{\"summary\":\"方案已印发\",\"evidence\":[\"青教〔2026〕12号\"]}"),
                200,
                null);
        expect(api.post("office", t + "/return", "{\"reason\":\"缺少财政保障内容\"}"), 200, null);
        expect(
                api.post("unit-education", t + "/progress", "{\"percentComplete\":100,\"summary\":\"补充财政保障\"}"),
                200,
                null);
        expect(
                api.post("unit-education", t + "/completion", "{\"summary\":\"已补充\",\"evidence\":[\"修订稿\"]}"),
                200,
                null);
        expect(api.post("office", t + "/closure", "{\"note\":\"同意销号\"}"), 200, null);
        expect(api.post("office", t + "/urgings", "{\"note\":\"x\"}"), 409, "ClosedTaskRefusesCommands");
        assertThat(eventTypes("t-1"))
                .containsExactly(
                        "TaskAssignedEvent",
                        "TaskAcknowledgedEvent",
                        "ProgressReportedEvent",
                        "ProgressReportedEvent",
                        "TaskUrgedEvent",
                        "ExtensionRequestedEvent",
                        "DeadlineExtendedEvent",
                        "ProgressReportedEvent",
                        "CompletionSubmittedEvent",
                        "TaskReturnedEvent",
                        "ProgressReportedEvent",
                        "CompletionSubmittedEvent",
                        "TaskClosedEvent");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "CLOSED"
                        .equals(api.get("viewer", t).body().path("status").asText()));
        var detail = api.get("viewer", t).body();
        assertThat(detail.get("progress").size()).isEqualTo(4);
        assertThat(detail.get("urgings").size()).isEqualTo(1);
        assertThat(detail.get("extensions").get(0).get("state").asText()).isEqualTo("GRANTED");
        assertThat(detail.get("originalDueDate").asText()).isEqualTo("2026-06-30");
        assertThat(detail.get("dueDate").asText()).isEqualTo("2026-07-31");
        assertThat(detail.get("closure").get("onTime").asBoolean()).isTrue();

        // An auditor asks what the record said before the urging: in progress, 50 %, no urging, old due date.
        var then = api.get(
                "auditor",
                t.replace("/api/tasks", "/api/audit/tasks") + "?asOf="
                        + beforeUrging
                                .atOffset(java.time.ZoneOffset.ofHours(8))
                                .toString()
                                .replace("+", "%2B"));
        assertThat(then.status()).as(then.raw()).isEqualTo(200);
        assertThat(then.body().get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(then.body().get("urgings").size()).isZero();
        assertThat(then.body().get("dueDate").asText()).isEqualTo("2026-06-30");
        assertThat(then.body().get("progress").size()).isEqualTo(2);
        assertThat(api.get("viewer", "/api/audit/tasks/t-1?asOf=2026-03-01").status())
                .isEqualTo(403);
        assertThat(api.get("auditor", "/api/audit/tasks/t-1?asOf=2020-01-01").status())
                .isEqualTo(404);
        var board = api.get(
                "auditor",
                "/api/audit/units?conferenceId=" + CID + "&asOf=" + java.time.LocalDate.now(TestClocks.ZONE));
        assertThat(board.status()).as(board.raw()).isEqualTo(200);
        assertThat(board.body().get("items").findValuesAsText("unitCode")).contains("education");
        var removal = api.post(
                "office",
                "/api/conferences/" + CID + "/units/trade-union/removal",
                "{\"reason\":\"调整\",\"decidedBy\":{\"kind\":\"CIRCULATION\",\"reference\":\"青婴联办函〔2024〕1号\",\"decidedOn\":\"2024-02-20\"}}");
        expect(removal, 200, null);
    }

    @Test
    void aUnitWithAnOpenTaskIsNotRemoved() {
        expect(api.post("office", "/api/tasks", """
                {"taskId":"direct-1","conferenceId":"qh-infant-care","title":"报送托育机构备案情况",
                 "leadUnitCode":"civil-affairs","coUnitCodes":["market-regulation"],"dueInWorkingDays":5,
                 "source":"省政府领导批示"}
                """), 201, null);
        expect(
                api.post(
                        "office",
                        "/api/conferences/" + CID + "/units/market-regulation/removal",
                        "{\"reason\":\"调整\",\"decidedBy\":{\"kind\":\"CIRCULATION\",\"reference\":\"青婴联办函〔2024〕1号\",\"decidedOn\":\"2024-02-20\"}}"),
                422,
                "UnitWithOpenTasksStays");
    }

    @Test
    void aPassedDueDateIsRecordedOnceAndSurvivesARestart() {
        expect(api.post("office", "/api/tasks", """
                {"taskId":"direct-2","conferenceId":"qh-infant-care","title":"报送托位数统计",
                 "leadUnitCode":"civil-affairs","dueDate":"2026-03-06","source":"办公室通知"}
                """), 201, null);
        app.getBean(Scheduler.class).triggerCheckForDueExecutions();
        assertThat(eventTypes("direct-2")).containsExactly("TaskAssignedEvent");
        app.close();

        // Past the due date (the end of 6 March in Xining), in a new process.
        TestClocks.set(
                LocalDate.of(2026, 3, 7).atTime(0, 5).atZone(TestClocks.ZONE).toInstant());
        startApp();
        Scheduler scheduler = app.getBean(Scheduler.class);
        scheduler.triggerCheckForDueExecutions();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(eventTypes("direct-2"))
                        .containsExactly("TaskAssignedEvent", "TaskBecameOverdueEvent"));
        scheduler.triggerCheckForDueExecutions();
        TestClocks.set(
                LocalDate.of(2026, 3, 9).atTime(9, 0).atZone(TestClocks.ZONE).toInstant());
        scheduler.triggerCheckForDueExecutions();
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(eventTypes("direct-2"))
                        .containsExactly("TaskAssignedEvent", "TaskBecameOverdueEvent"));
        LedgerApi restarted = SeedConferenceEndToEndTest.api(app);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "RED"
                        .equals(restarted
                                .get("viewer", "/api/tasks/direct-2")
                                .body()
                                .path("rag")
                                .asText()));
        assertThat(restarted
                        .get("viewer", "/api/tasks?rag=RED")
                        .body()
                        .get("items")
                        .findValuesAsText("taskId"))
                .containsExactly("direct-2");
    }
}
