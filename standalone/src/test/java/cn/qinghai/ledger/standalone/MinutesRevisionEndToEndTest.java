package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signed minutes whose issue would come after a task's due date (ADR 18). Without a way back they are
 * stuck: not issued (DueDateNotBeforeAssignment), no matter changed (DecisionsOnlyUntilMinutesSigned),
 * no correction (not issued), no cancellation (signed). The office returns them for revision, moves
 * the due date in the draft, the convener signs again, and the issue assigns the task on its new date.
 */
class MinutesRevisionEndToEndTest extends SeedLedgerOnATestClock {

    static final String M = "plenary-2026-01";
    static final Duration WAIT = Duration.ofSeconds(30);

    /** A plenary on 20 January 2026 whose one matter gives a task due 30 January; signed on 22 January. */
    void signedInJanuary() {
        expect(api.post("office", "/api/meetings", """
                {"meetingId":"%s","conferenceId":"qh-infant-care","kind":"PLENARY","topic":"2026年第一次全体会议",
                 "scheduledAt":"2026-01-20T09:00:00+08:00","location":"省政府第一会议室","convenedBy":"kuang-yong"}
                """.formatted(M)), 201, null);
        expect(api.post("office", "/api/meetings/" + M + "/decisions", """
                {"decisionId":"d-1","matter":"出台全省托育服务实施方案","major":false,
                 "tasks":[{"taskId":"t-jan-1","title":"起草实施方案","leadUnitCode":"education","coUnitCodes":["finance"],
                           "dueDate":"2026-01-30"}]}
                """), 201, null);
        await().atMost(WAIT).until(() -> api.get("viewer", "/api/meetings/" + M).status() == 200);
        List<String> present = new ArrayList<>();
        api.get("viewer", "/api/meetings/" + M)
                .body()
                .get("participantUnits")
                .forEach(u -> present.add("\"" + u.get("unitCode").asText() + "\""));
        expect(api.post("office", "/api/meetings/" + M + "/attendance", "{\"present\":" + present + "}"), 200, null);
        expect(
                api.post(
                        "office",
                        "/api/meetings/" + M + "/minutes/signature",
                        "{\"signedBy\":\"kuang-yong\",\"signedOn\":\"2026-01-22\"}"),
                200,
                null);
    }

    LedgerApi.Response issueToday() {
        return api.post(
                "office",
                "/api/meetings/" + M + "/minutes/issue",
                "{\"documentNo\":\"青婴托联〔2026〕1号\",\"distribution\":[\"各市州人民政府\",\"省有关部门\"]}");
    }

    JsonNode minutesV1() {
        return api.get("viewer", "/api/meetings/" + M).body().get("minutes").get(0);
    }

    @Test
    void signedMinutesPastATasksDueDateGoBackForRevisionAndAreSignedAgain() {
        signedInJanuary();

        // Today (2 March) the issue would assign a task due on 30 January.
        expect(issueToday(), 422, "DueDateNotBeforeAssignment");
        // What the office could do until now: nothing changes signed minutes, and they cannot be dropped.
        expect(api.post("office", "/api/meetings/" + M + "/decisions", """
                {"decisionId":"d-1b","matter":"另行议定","major":false}"""), 422, "DecisionsOnlyUntilMinutesSigned");
        expect(
                api.post("office", "/api/meetings/" + M + "/minutes/corrections", "{\"reason\":\"调整时限\"}"),
                422,
                "CorrectionIsANewVersionOfIssuedMinutes");
        expect(
                api.post("office", "/api/meetings/" + M + "/cancellation", "{\"reason\":\"x\"}"),
                422,
                "CancelOnlyBeforeMinutesAreSigned");
        String dueDates = "{\"dueDates\":[{\"taskId\":\"t-jan-1\",\"dueDate\":\"2026-06-30\"}],\"reason\":\"时限顺延\"}";
        expect(
                api.post("office", "/api/meetings/" + M + "/decisions/d-1/due-dates", dueDates),
                422,
                "MatterChangesOnlyInItsDraft");

        // The way back: the signed text returns to the office, changes, and is signed again.
        expect(api.post("unit-education", "/api/meetings/" + M + "/minutes/revision", "{\"reason\":\"x\"}"), 403, null);
        expect(api.post("office", "/api/meetings/" + M + "/minutes/revision", "{}"), 400, null);
        expect(
                api.post("office", "/api/meetings/" + M + "/minutes/revision", "{\"reason\":\"印发时完成时限已过，调整时限后重新签发\"}"),
                200,
                null);
        expect(
                api.post("office", "/api/meetings/" + M + "/minutes/revision", "{\"reason\":\"again\"}"),
                422,
                "OnlySignedUnissuedMinutesGoBackForRevision");
        expect(issueToday(), 422, "IssueSignedMinutesOnce"); // the signature no longer stands
        expect(
                api.post(
                        "office",
                        "/api/meetings/" + M + "/decisions/d-1/due-dates",
                        "{\"dueDates\":[{\"taskId\":\"t-other\",\"dueDate\":\"2026-06-30\"}],\"reason\":\"x\"}"),
                422,
                "DueDatesNameTheMattersTasks");
        expect(
                api.post(
                        "office",
                        "/api/meetings/" + M + "/decisions/d-1/due-dates",
                        "{\"dueDates\":[{\"taskId\":\"t-jan-1\",\"dueDate\":\"2026-01-19\"}],\"reason\":\"x\"}"),
                422,
                "DueDateNotBeforeAssignment");
        expect(api.post("office", "/api/meetings/" + M + "/decisions/d-9/due-dates", dueDates), 404, "KnownDecision");
        expect(api.post("office", "/api/meetings/" + M + "/decisions/d-1/due-dates", dueDates), 200, null);

        await().atMost(WAIT)
                .until(() -> "DRAFT".equals(minutesV1().path("state").asText())
                        && "2026-06-30"
                                .equals(api.get("viewer", "/api/meetings/" + M)
                                        .body()
                                        .at("/decisions/0/tasks/0/dueDate")
                                        .asText()));
        assertThat(minutesV1().path("revisionReason").asText()).isEqualTo("印发时完成时限已过，调整时限后重新签发");
        assertThat(minutesV1().path("signedOn").isNull()).isTrue();

        expect(
                api.post(
                        "office",
                        "/api/meetings/" + M + "/minutes/signature",
                        "{\"signedBy\":\"kuang-yong\",\"signedOn\":\"2026-03-02\"}"),
                200,
                null);
        expect(issueToday(), 200, null);

        await().atMost(WAIT).until(() -> api.get("viewer", "/api/tasks/t-jan-1").status() == 200);
        JsonNode task = api.get("viewer", "/api/tasks/t-jan-1").body();
        assertThat(task.path("dueDate").asText()).isEqualTo("2026-06-30");
        await().atMost(WAIT)
                .until(() -> "ISSUED".equals(minutesV1().path("state").asText()));
        assertThat(minutesV1().path("signedOn").asText()).isEqualTo("2026-03-02");
        assertThat(minutesV1().path("documentNo").asText()).isEqualTo("青婴托联〔2026〕1号");

        // Issued: the matter's due dates change on the task now, and the minutes only by a correction.
        expect(
                api.post("office", "/api/meetings/" + M + "/decisions/d-1/due-dates", dueDates),
                422,
                "MatterChangesOnlyInItsDraft");
        expect(
                api.post("office", "/api/meetings/" + M + "/minutes/revision", "{\"reason\":\"x\"}"),
                422,
                "OnlySignedUnissuedMinutesGoBackForRevision");
        expect(
                api.post("office", "/api/meetings/" + M + "/cancellation", "{\"reason\":\"x\"}"),
                422,
                "CancelOnlyBeforeMinutesAreSigned");
    }
}
