package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Minutes document numbers (纪要文号) are one number whatever brackets and spaces they were typed with:
 * {@code 青婴托联[2026]1号} after {@code 青婴托联〔2026〕1号} is refused by MinutesDocumentNumberUnique, numbers
 * are recorded and shown in the 〔〕 form, numbers the lookup kept as typed (before normalising) still
 * count after a restart, and the next number of a series is offered.
 */
class MinutesNumbersEndToEndTest extends SeedLedgerOnATestClock {

    /** A plenary with one agreed matter, its minutes signed by the convener, ready to issue. */
    void signedMinutes(String meetingId, int day) {
        expect(api.post("office", "/api/meetings", """
                {"meetingId":"%s","conferenceId":"qh-infant-care","kind":"PLENARY","topic":"全体会议",
                 "scheduledAt":"2026-02-%02dT09:00:00+08:00","location":"省政府第一会议室","convenedBy":"kuang-yong"}
                """.formatted(meetingId, day)), 201, null);
        expect(api.post("office", "/api/meetings/" + meetingId + "/decisions",
                "{\"decisionId\":\"d-1\",\"matter\":\"研究托育服务工作\",\"major\":false}"), 201, null);
        // the minutes say who attended: every participant unit present (AttendanceBeforeSignature)
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("viewer", "/api/meetings/" + meetingId).status() == 200);
        List<String> present = new java.util.ArrayList<>();
        api.get("viewer", "/api/meetings/" + meetingId).body().get("participantUnits")
                .forEach(u -> present.add("\"" + u.get("unitCode").asText() + "\""));
        expect(api.post("office", "/api/meetings/" + meetingId + "/attendance", "{\"present\":" + present + "}"), 200,
                null);
        expect(api.post("office", "/api/meetings/" + meetingId + "/minutes/signature", "{\"signedBy\":\"kuang-yong\"}"),
                200, null);
    }

    LedgerApi.Response issue(String meetingId, String documentNo) {
        return api.post("office", "/api/meetings/" + meetingId + "/minutes/issue",
                "{\"documentNo\":\"" + documentNo + "\",\"distribution\":[\"各市州人民政府\"]}");
    }

    String next(String query) {
        var answer = api.get("viewer", "/api/minutes/next-number" + query);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body().path("documentNumber").isNull() ? null : answer.body().path("documentNumber").asText();
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void oneNumberWhateverTheBracketsAndTheNextOneOffered() {
        assertThat(next("?prefix=" + enc("青婴托联") + "&year=2026")).isEqualTo("青婴托联〔2026〕1号");
        assertThat(next("?conferenceId=qh-infant-care")).isNull(); // no series yet to continue

        signedMinutes("m-1", 10);
        expect(issue("m-1", "青婴托联〔2026〕1号"), 200, null);
        signedMinutes("m-2", 11);
        for (String same : new String[] {"青婴托联[2026]1号", "青婴托联（2026）1号", "青婴托联 (2026) 1 号",
                "青婴托联\u3000〔2026〕1号"}) {
            expect(issue("m-2", same), 409, "MinutesDocumentNumberUnique");
        }
        expect(issue("m-2", "青婴托联 [2026] 2号"), 200, null);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                "青婴托联〔2026〕3号".equals(next("?prefix=" + enc("青婴托联") + "&year=2026")));
        var minutes = api.get("viewer", "/api/meetings/m-2").body().get("minutes");
        assertThat(minutes.findValuesAsText("documentNo")).containsExactly("青婴托联〔2026〕2号");
        assertThat(next("?prefix=" + enc(" 青婴托联 ") + "&year=2026")).isEqualTo("青婴托联〔2026〕3号");
        assertThat(next("?prefix=" + enc("青婴托联") + "&year=2027")).isEqualTo("青婴托联〔2027〕1号");
        assertThat(next("?prefix=" + enc("青联办纪") + "&year=2026")).isEqualTo("青联办纪〔2026〕1号");
        assertThat(next("?conferenceId=qh-infant-care")).isEqualTo("青婴托联〔2026〕3号"); // this year, latest series
        assertThat(api.get("viewer", "/api/minutes/next-number?year=20266").status()).isEqualTo(400);
    }

    @Test
    void aNumberTheLookupKeptAsTypedStillCountsAfterARestart() {
        signedMinutes("m-1", 10);
        expect(issue("m-1", "青婴托联〔2026〕1号"), 200, null);
        // as a version that did not normalise would have kept it
        app.getBean(JdbcTemplate.class).update("update lookup_minutes_number set document_no = ? where meeting_id = ?",
                "青婴托联[2026]1号", "m-1");
        app.close();
        startApp();

        signedMinutes("m-2", 11);
        expect(issue("m-2", "青婴托联〔2026〕1号"), 409, "MinutesDocumentNumberUnique");
        assertThat(app.getBean(JdbcTemplate.class).queryForList("select document_no from lookup_minutes_number",
                String.class)).containsExactly("青婴托联〔2026〕1号");
    }
}
