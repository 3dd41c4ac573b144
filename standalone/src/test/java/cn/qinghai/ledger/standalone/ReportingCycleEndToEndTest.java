package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 工作情况定期报送 over HTTP, on the test clock: the office opens the round of 2026年第一季度 with a due date;
 * two units report on time (one twice), one after the due date, one never; the round shows 已报送, 逾期报送 and
 * 逾期未报送; urging the unit that has not reported works and the unit sees it, urging one that reported is
 * refused by its rule; the round is closed and a report after closing is refused.
 */
class ReportingCycleEndToEndTest extends SeedLedgerOnATestClock {

    static final String ROUNDS = "/api/conferences/" + CID + "/reporting-rounds";
    static final String Q1 = ROUNDS + "/2026-Q1";

    static Map<String, JsonNode> byUnit(JsonNode round) {
        Map<String, JsonNode> units = new HashMap<>();
        round.path("units").forEach(u -> units.put(u.path("unitCode").asText(), u));
        return units;
    }

    JsonNode round() {
        return api.get("viewer", Q1).body();
    }

    @Test
    void aQuarterlyReportingCycleWithOneUnitLate() {
        // the office opens the first quarter, due on Friday 10 April; every active member unit is expected
        expect(api.post("office", ROUNDS, """
                {"kind":"QUARTERLY","period":"2026-Q1","dueDate":"2026-04-10",
                 "requirements":"请报送2026年第一季度工作情况，含主要进展、存在问题和下一步打算。"}"""), 201, null);
        expect(api.post("office", ROUNDS, """
                {"kind":"QUARTERLY","period":"2026-Q1","dueDate":"2026-04-30"}"""), 409, "ReportingRoundOpenedOnce");
        expect(api.post("office", ROUNDS, """
                {"kind":"ANNUAL","period":"2026-Q2","dueDate":"2026-04-30"}"""), 422, "ReportingPeriodMatchesItsKind");
        expect(api.post("office", ROUNDS, """
                {"kind":"QUARTERLY","period":"2026-Q2","dueDate":"2026-03-01"}"""), 422, "ReportingDueDateNotBeforeOpening");
        expect(
                api.post("office", "/api/conferences/no-such-conference/reporting-rounds", """
                {"kind":"QUARTERLY","period":"2026-Q1","dueDate":"2026-04-10"}"""),
                422,
                "ReportingRoundsOfALivingConference");
        expect(api.post("unit-education", ROUNDS, """
                {"kind":"QUARTERLY","period":"2026-Q2","dueDate":"2026-06-30"}"""), 403, null);

        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("viewer", Q1).status() == 200);
        JsonNode opened = round();
        assertThat(opened.path("periodLabel").asText()).isEqualTo("2026年第一季度");
        assertThat(opened.path("kindTitle").asText()).isEqualTo("季度工作情况");
        assertThat(opened.path("dueDate").asText()).isEqualTo("2026-04-10");
        assertThat(opened.path("counts").path("expected").asInt()).isEqualTo(16);
        assertThat(byUnit(opened).get("housing").path("state").asText()).isEqualTo("NOT_REPORTED");

        // two units report on time, education twice (the second supersedes the first, both kept)
        TestClocks.set(Instant.parse("2026-04-08T02:00:00Z"));
        expect(api.post("unit-education", Q1 + "/reports", "{\"text\":\"一季度新增托位1200个（初稿）\"}"), 200, null);
        expect(api.post("unit-finance", Q1 + "/reports", """
                {"text":"一季度下达托育补助资金3000万元","documentRef":"青财社函〔2026〕12号"}"""), 200, null);
        TestClocks.set(Instant.parse("2026-04-10T08:00:00Z")); // the due date, 16:00 in Xining
        expect(api.post("unit-education", Q1 + "/reports", "{\"text\":\"一季度新增托位1260个\"}"), 200, null);
        // a unit reports only for itself, in its own conference
        expect(
                api.post(
                        "unit-education",
                        "/api/conferences/other-conference/reporting-rounds/2026-Q1/reports",
                        "{\"text\":\"x\"}"),
                403,
                null);
        expect(api.post("office", Q1 + "/reports", "{\"text\":\"x\"}"), 403, null);
        // closing before the due date has passed, while units have not reported, is refused
        expect(api.post("office", Q1 + "/closure", "{}"), 422, "ReportingRoundClosesAfterItsDueDate");

        // the due date passes: civil affairs reports late; housing never reports
        TestClocks.set(Instant.parse("2026-04-13T01:00:00Z"));
        expect(api.post("unit-civil-affairs", Q1 + "/reports", "{\"text\":\"一季度摸底调查完成\"}"), 200, null);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "REPORTED_LATE"
                        .equals(byUnit(round())
                                .get("civil-affairs")
                                .path("state")
                                .asText()));
        Map<String, JsonNode> units = byUnit(round());
        assertThat(units.get("education").path("state").asText()).isEqualTo("REPORTED");
        assertThat(units.get("education").path("submissions")).hasSize(2);
        assertThat(units.get("education")
                        .path("submissions")
                        .get(1)
                        .path("text")
                        .asText())
                .isEqualTo("一季度新增托位1260个");
        assertThat(units.get("education").path("firstReportedAt").asText()).startsWith("2026-04-08T10:00");
        assertThat(units.get("finance").path("state").asText()).isEqualTo("REPORTED");
        assertThat(units.get("finance")
                        .path("submissions")
                        .get(0)
                        .path("documentRef")
                        .asText())
                .isEqualTo("青财社函〔2026〕12号");
        assertThat(units.get("civil-affairs")
                        .path("submissions")
                        .get(0)
                        .path("late")
                        .asBoolean())
                .isTrue();
        assertThat(units.get("housing").path("state").asText()).isEqualTo("OVERDUE");
        JsonNode counts = round().path("counts");
        assertThat(counts.path("reported").asInt()).isEqualTo(2);
        assertThat(counts.path("reportedLate").asInt()).isEqualTo(1);
        assertThat(counts.path("overdue").asInt()).isEqualTo(13);

        // urging: the unit that has not reported, yes; one that reported, refused by its rule
        expect(api.post("office", Q1 + "/urgings", "{\"unitCode\":\"housing\",\"message\":\"请于4月15日前报送\"}"), 200, null);
        expect(
                api.post("office", Q1 + "/urgings", "{\"unitCode\":\"education\",\"message\":\"请报送\"}"),
                422,
                "UrgeOnlyUnitsThatHaveNotReported");
        expect(api.post("unit-housing", Q1 + "/urgings", "{\"unitCode\":\"housing\",\"message\":\"x\"}"), 403, null);

        // housing sees its own open round, what to submit and by when, and the urging
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("unit-housing", ROUNDS + "?unitCode=housing&open=true")
                                .body()
                                .path("items")
                                .path(0)
                                .path("unit")
                                .path("urgingCount")
                                .asInt()
                        == 1);
        JsonNode own = api.get("unit-housing", ROUNDS + "?unitCode=housing&open=true")
                .body()
                .path("items")
                .get(0);
        assertThat(own.path("dueDate").asText()).isEqualTo("2026-04-10");
        assertThat(own.path("requirements").asText()).startsWith("请报送2026年第一季度工作情况");
        assertThat(own.path("unit").path("state").asText()).isEqualTo("OVERDUE");
        JsonNode urging = own.path("unit").path("urgings").get(0);
        assertThat(urging.path("message").asText()).isEqualTo("请于4月15日前报送");
        assertThat(urging.path("urgedBy").asText()).isEqualTo("office");
        assertThat(urging.path("urgedByRole").asText()).isEqualTo("OFFICE");

        // the office closes the round: who never reported is recorded; nothing is accepted afterwards
        expect(api.post("office", Q1 + "/closure", "{}"), 200, null);
        expect(api.post("office", Q1 + "/closure", "{}"), 409, "ReportingRoundClosedOnce");
        expect(api.post("unit-housing", Q1 + "/reports", "{\"text\":\"补报\"}"), 409, "ReportingRoundIsOpen");
        await().atMost(Duration.ofSeconds(30)).until(() -> !round().path("open").asBoolean());
        assertThat(round().path("closedOn").asText()).isEqualTo("2026-04-13");
        assertThat(byUnit(round()).get("housing").path("state").asText()).isEqualTo("OVERDUE");
        assertThat(api.get("unit-housing", ROUNDS + "?unitCode=housing&open=true")
                        .body()
                        .path("items"))
                .isEmpty();
        expect(api.get("viewer", ROUNDS + "/2026-Q3"), 404, null);
    }
}
