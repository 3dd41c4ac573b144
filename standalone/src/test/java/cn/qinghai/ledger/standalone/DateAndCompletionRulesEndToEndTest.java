package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

/**
 * The date rules of meetings and minutes, the due date checked against the issue of the minutes, the
 * first report that acknowledges, and completion at 100 %, through HTTP on the seed conference
 * (established 2021-08-12).
 */
class DateAndCompletionRulesEndToEndTest extends SeedLedgerOnATestClock {

    static final String M = "topic-2026-3";
    static final String T = "/api/tasks/dr-t1";

    static String convene(String meetingId, String day) {
        return """
                {"meetingId":"%s","conferenceId":"%s","kind":"SPECIAL_TOPIC","topic":"托育服务专题会议",
                 "scheduledAt":"%sT09:00:00+08:00","location":"省卫生健康委会议室","convenedBy":"jin-shengshou",
                 "participantUnits":["health","education"]}""".formatted(meetingId, CID, day);
    }

    List<String> eventTypes(String aggregateId) {
        return app.getBean(EventStore.class)
                .readEvents(aggregateId)
                .asStream()
                .map(DomainEventMessage::getPayloadType)
                .map(Class::getSimpleName)
                .toList();
    }

    @Test
    void datesOfMinutesFirstReportAcknowledgementAndCompletionAtOneHundredPercent() {
        String m = "/api/meetings/" + M;
        expect(
                api.post("office", "/api/meetings", convene("too-early", "2021-08-11")),
                422,
                "MeetingNotBeforeEstablishment");
        expect(api.post("office", "/api/meetings", convene(M, "2026-03-10")), 201, null);
        expect(api.post("office", m + "/decisions", """
                {"decisionId":"d-1","matter":"开展托育机构备案情况摸底","major":false,
                 "tasks":[{"taskId":"dr-t1","title":"报送托育机构备案情况","leadUnitCode":"education",
                           "coUnitCodes":["health"],"dueDate":"2026-03-20"}]}"""), 201, null);
        expect(
                api.post(
                        "office",
                        m + "/minutes/signature",
                        "{\"signedBy\":\"kuang-yong\",\"signedOn\":\"2026-03-10\"}"),
                422,
                "AttendanceBeforeSignature");
        expect(api.post("office", m + "/attendance", "{\"present\":[\"health\",\"education\"]}"), 200, null);
        expect(
                api.post(
                        "office",
                        m + "/minutes/signature",
                        "{\"signedBy\":\"kuang-yong\",\"signedOn\":\"2026-03-09\"}"),
                422,
                "SignedNotBeforeMeeting");
        expect(
                api.post(
                        "office",
                        m + "/minutes/signature",
                        "{\"signedBy\":\"kuang-yong\",\"signedOn\":\"2026-03-12\"}"),
                200,
                null);
        String issue = "{\"documentNo\":\"青婴托联〔2026〕3号\",\"distribution\":[\"各市州人民政府\"],\"issuedOn\":\"%s\"}";
        expect(api.post("office", m + "/minutes/issue", issue.formatted("2026-03-11")), 422, "IssuedNotBeforeSigned");
        expect(
                api.post("office", m + "/minutes/issue", issue.formatted("2026-03-21")),
                422,
                "DueDateNotBeforeAssignment");
        expect(api.post("office", m + "/minutes/issue", issue.formatted("2026-03-12")), 200, null);

        // The units work on 13 March: a co-unit's report does not acknowledge, the lead unit's first one does.
        TestClocks.set(Instant.parse("2026-03-13T01:00:00Z"));
        expect(api.post("unit-health", T + "/progress", "{\"percentComplete\":30,\"summary\":\"卫健数据已汇总\"}"), 200, null);
        expect(
                api.post("unit-education", T + "/progress", "{\"percentComplete\":60,\"summary\":\"已完成摸底\"}"),
                200,
                null);
        expect(api.post("unit-education", T + "/acknowledgement", "{}"), 422, "LeadUnitAcknowledgesOnce");
        expect(
                api.post("unit-education", T + "/completion", "{\"summary\":\"已报送\"}"),
                422,
                "CompletionMeansOneHundredPercent");
        expect(
                api.post("unit-education", T + "/progress", "{\"percentComplete\":100,\"summary\":\"已报送备案情况\"}"),
                200,
                null);
        expect(
                api.post("unit-education", T + "/completion", "{\"summary\":\"已报送\",\"evidence\":[\"备案情况表\"]}"),
                200,
                null);
        expect(api.post("office", T + "/closure", "{\"note\":\"同意销号\"}"), 200, null);

        assertThat(eventTypes("dr-t1"))
                .containsExactly(
                        "TaskAssignedEvent",
                        "ProgressReportedEvent",
                        "TaskAcknowledgedWithFirstReportEvent",
                        "ProgressReportedEvent",
                        "ProgressReportedEvent",
                        "CompletionSubmittedEvent",
                        "TaskClosedEvent");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "CLOSED"
                        .equals(api.get("viewer", T).body().path("status").asText()));
        var task = api.get("viewer", T).body();
        assertThat(task.get("assignedOn").asText()).isEqualTo("2026-03-12");
        assertThat(task.get("acknowledgedOn").asText()).isEqualTo("2026-03-13");
        assertThat(task.get("acknowledgedWithFirstReport").asBoolean()).isTrue();
        assertThat(task.get("progress").size()).isEqualTo(3);
    }
}
