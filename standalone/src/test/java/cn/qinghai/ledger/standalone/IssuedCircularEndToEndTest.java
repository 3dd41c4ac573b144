package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * 印发通报 over HTTP: the office issues the circular of a period under a 文号; the same number in other
 * brackets is refused by CircularDocumentNumberUnique; a viewer reads the circular back with the figures of
 * the period as issued, and activity after the issue changes the circular computed today, not the one issued.
 */
class IssuedCircularEndToEndTest extends SeedLedgerOnATestClock {

    static final String CID = TaskRequests.CID;
    static final String PERIOD = "/api/circulars?conferenceId=" + CID + "&from=2026-03-01&to=2026-03-03";

    /** Issues the circular of the period with the figures the ledger shows for it now, as the page does. */
    LedgerApi.Response issue(String circularId, String documentNo) {
        return issue(circularId, documentNo, api.get("office", PERIOD).body().toString());
    }

    LedgerApi.Response issue(String circularId, String documentNo, String figures) {
        return api.post("office", "/api/circulars/issued", """
                {"circularId":"%s","conferenceId":"%s","from":"2026-03-01","to":"2026-03-03",
                 "documentNo":"%s","distribution":["各成员单位","省政府办公厅"],
                 "commendation":"省教育厅及时签收交办事项。","urging":"请各成员单位按期报送进展。","figures":%s}
                """.formatted(circularId, CID, documentNo, figures));
    }

    int assignedInPeriodToday() {
        return api.get("viewer", PERIOD).body().path("totals").path("assigned").asInt();
    }

    static JsonNode educationRow(JsonNode circular) {
        for (JsonNode row : circular.path("units")) {
            if ("education".equals(row.path("unitCode").asText())) {
                return row;
            }
        }
        throw new AssertionError("no line for education in " + circular);
    }

    @Test
    void issuedOnceUnderItsNumberAndReadBackWithTheFiguresAsIssued() {
        expect(api.post("office", "/api/tasks", TaskRequests.assignment("t-1", "education")), 201, null);
        TestClocks.set(Instant.parse("2026-03-03T01:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> assignedInPeriodToday() == 1);

        // a period not over yet, and a circular issued before its period ends, are refused
        expect(api.post("office", "/api/circulars/issued", """
                {"circularId":"c-early","conferenceId":"%s","from":"2026-03-01","to":"2026-03-31",
                 "documentNo":"青联办通〔2026〕9号","distribution":["各成员单位"],"figures":{}}""".formatted(CID)), 422, "CircularPeriodIsOver");
        expect(api.post("office", "/api/circulars/issued", """
                {"circularId":"c-early","conferenceId":"%s","from":"2026-03-01","to":"2026-03-03",
                 "documentNo":"青联办通〔2026〕9号","distribution":["各成员单位"],"issuedOn":"2026-03-02",
                 "figures":{}}""".formatted(CID)), 422, "CircularIssuedAfterItsPeriod");
        expect(api.post("viewer", "/api/circulars/issued", "{}"), 403, null);

        // figures whose totals do not add up are refused; so is a circular without figures
        String shown = api.get("office", PERIOD).body().toString();
        expect(
                issue("c-bad", "青联办通〔2026〕8号", shown.replaceFirst("\"assigned\":1", "\"assigned\":7")),
                422,
                "CircularCarriesItsFigures");
        expect(api.post("office", "/api/circulars/issued", """
                {"circularId":"c-bad","conferenceId":"%s","from":"2026-03-01","to":"2026-03-03",
                 "documentNo":"青联办通〔2026〕8号","distribution":["各成员单位"]}""".formatted(CID)), 400, null);

        var issued = issue("c-2026-3", "青联办通〔2026〕3号");
        expect(issued, 201, null);
        assertThat(issued.headers().firstValue("Location").orElse("")).endsWith("/api/circulars/issued/c-2026-3");
        expect(issue("c-2026-3b", "青联办通 [2026] 03号"), 409, "CircularDocumentNumberUnique");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("viewer", "/api/circulars/issued/c-2026-3").status() == 200);
        JsonNode circular = api.get("viewer", "/api/circulars/issued/c-2026-3").body();
        assertThat(circular.path("documentNo").asText()).isEqualTo("青联办通〔2026〕3号");
        assertThat(circular.path("from").asText()).isEqualTo("2026-03-01");
        assertThat(circular.path("to").asText()).isEqualTo("2026-03-03");
        assertThat(circular.path("issuedOn").asText()).isEqualTo("2026-03-03");
        assertThat(circular.path("distribution").toString()).isEqualTo("[\"各成员单位\",\"省政府办公厅\"]");
        assertThat(circular.path("commendation").asText()).isEqualTo("省教育厅及时签收交办事项。");
        assertThat(circular.path("urging").asText()).isEqualTo("请各成员单位按期报送进展。");
        assertThat(circular.path("figures").path("totals").path("assigned").asInt())
                .isEqualTo(1);
        assertThat(educationRow(circular.path("figures")).path("assigned").asInt())
                .isEqualTo(1);
        assertThat(educationRow(circular.path("figures")).path("unitName").asText())
                .isNotBlank();

        var list = api.get("unit-education", "/api/circulars/issued?conferenceId=" + CID);
        expect(list, 200, null);
        assertThat(list.body().path("items").findValuesAsText("documentNo")).containsExactly("青联办通〔2026〕3号");
        assertThat(api.get("viewer", "/api/circulars/issued/no-such-circular").status())
                .isEqualTo(404);

        // later activity in the period: the circular of today counts it, the issued one keeps its figures
        expect(api.post("office", "/api/tasks", TaskRequests.assignment("t-2", "education")), 201, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> assignedInPeriodToday() == 2);
        JsonNode again = api.get("auditor", "/api/circulars/issued/c-2026-3").body();
        assertThat(again.path("figures")).isEqualTo(circular.path("figures"));
        assertThat(educationRow(again.path("figures")).path("assigned").asInt()).isEqualTo(1);
    }

    LedgerApi.Response correct(String user, String circularId, String reason, String distribution, String figures) {
        return api.post(user, "/api/circulars/issued/" + circularId + "/corrections", """
                {"reason":"%s","distribution":%s,"commendation":"省教育厅及时签收交办事项。",
                 "urging":"请各成员单位按期报送进展，逾期事项说明原因。","figures":%s}
                """.formatted(
                        reason, distribution, figures));
    }

    /**
     * 更正: an issued circular is not edited; a correction records the corrected 分送, text and figures with its
     * reason and date, the rules of the issue apply to it, and the original stays as issued beside it.
     */
    @Test
    void anIssuedCircularIsCorrectedAndKeepsItsOriginal() {
        expect(api.post("office", "/api/tasks", TaskRequests.assignment("t-1", "education")), 201, null);
        TestClocks.set(Instant.parse("2026-03-03T01:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> assignedInPeriodToday() == 1);
        String asIssued = api.get("office", PERIOD).body().toString();
        expect(issue("c-2026-3", "青联办通〔2026〕3号", asIssued), 201, null);
        // a task of the period recorded late: the figures as issued missed it
        expect(api.post("office", "/api/tasks", TaskRequests.assignment("t-2", "education")), 201, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> assignedInPeriodToday() == 2);
        String now = api.get("office", PERIOD).body().toString();
        String to = "[\"各成员单位\",\"省政府办公厅\",\"各市州卫生健康委\"]";

        expect(correct("viewer", "c-2026-3", "补录事项", to, now), 403, null);
        expect(correct("office", "no-such-circular", "补录事项", to, now), 404, null);
        expect(
                correct("office", "c-2026-3", "补录事项", to, now.replaceFirst("\"assigned\":2", "\"assigned\":5")),
                422,
                "CircularCarriesItsFigures");
        expect(correct("office", "c-2026-3", "补录事项", "[\"各成员单位\",\"各成员单位\"]", now), 422, "CircularHasADistribution");
        expect(
                api.post("office", "/api/circulars/issued/c-2026-3/corrections", """
                {"reason":"补录事项","correctedOn":"2026-03-02","distribution":["各成员单位"],"figures":%s}
                """.formatted(now)),
                422,
                "CircularCorrectedOnOrAfterItsIssue");
        expect(
                api.post("office", "/api/circulars/issued/c-2026-3/corrections", """
                {"reason":"重发","distribution":["各成员单位","省政府办公厅"],"commendation":"省教育厅及时签收交办事项。",
                 "urging":"请各成员单位按期报送进展。","figures":%s}""".formatted(asIssued)),
                422,
                "CircularCorrectionSaysWhyAndWhat");
        expect(
                api.post("office", "/api/circulars/issued/c-2026-3/corrections", "{\"distribution\":[\"x\"]}"),
                400,
                null);
        expect(correct("office", "c-2026-3", "统计表漏计一项交办事项", to, now), 200, null);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("viewer", "/api/circulars/issued/c-2026-3")
                                .body()
                                .path("corrections")
                                .size()
                        == 1);
        JsonNode circular = api.get("viewer", "/api/circulars/issued/c-2026-3").body();
        // the original, as issued
        assertThat(circular.path("documentNo").asText()).isEqualTo("青联办通〔2026〕3号");
        assertThat(circular.path("figures").path("totals").path("assigned").asInt())
                .isEqualTo(1);
        assertThat(circular.path("distribution").size()).isEqualTo(2);
        assertThat(circular.path("urging").asText()).isEqualTo("请各成员单位按期报送进展。");
        // the correction, in full
        JsonNode correction = circular.path("corrections").get(0);
        assertThat(correction.path("correction").asInt()).isEqualTo(1);
        assertThat(correction.path("correctedOn").asText()).isEqualTo("2026-03-03");
        assertThat(correction.path("reason").asText()).isEqualTo("统计表漏计一项交办事项");
        assertThat(correction.path("distribution").toString()).isEqualTo(to);
        assertThat(correction.path("urging").asText()).isEqualTo("请各成员单位按期报送进展，逾期事项说明原因。");
        assertThat(correction.path("figures").path("totals").path("assigned").asInt())
                .isEqualTo(2);
        assertThat(educationRow(correction.path("figures")).path("assigned").asInt())
                .isEqualTo(2);

        JsonNode row = api.get("viewer", "/api/circulars/issued?conferenceId=" + CID)
                .body()
                .path("items")
                .get(0);
        assertThat(row.path("correctedOn").asText()).isEqualTo("2026-03-03");
        assertThat(row.path("issuedOn").asText()).isEqualTo("2026-03-03");
    }
}
