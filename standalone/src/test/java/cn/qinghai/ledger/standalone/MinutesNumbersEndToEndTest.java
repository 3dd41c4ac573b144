package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Minutes document numbers (纪要文号) are one number whatever brackets and spaces they were typed with:
 * {@code 青婴托联[2026]1号} after {@code 青婴托联〔2026〕1号} is refused by MinutesDocumentNumberUnique, numbers
 * are recorded and shown in the 〔〕 form, numbers the lookup kept as typed (before normalising) still
 * count after a restart, and the next number of a series is offered.
 */
class MinutesNumbersEndToEndTest extends SeedLedgerOnATestClock {

    String next(String query) {
        var answer = api.get("viewer", "/api/minutes/next-number" + query);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body().path("documentNumber").isNull()
                ? null
                : answer.body().path("documentNumber").asText();
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void oneNumberWhateverTheBracketsAndTheNextOneOffered() {
        assertThat(next("?prefix=" + enc("青婴托联") + "&year=2026")).isEqualTo("青婴托联〔2026〕1号");
        assertThat(next("?conferenceId=qh-infant-care")).isNull(); // no series yet to continue

        signedMinutes("m-1", 10);
        expect(issueMinutes("m-1", "青婴托联〔2026〕1号"), 200, null);
        signedMinutes("m-2", 11);
        for (String same : new String[] {"青婴托联[2026]1号", "青婴托联（2026）1号", "青婴托联 (2026) 1 号", "青婴托联\u3000〔2026〕1号"}) {
            expect(issueMinutes("m-2", same), 409, "MinutesDocumentNumberUnique");
        }
        expect(issueMinutes("m-2", "青婴托联 [2026] 2号"), 200, null);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "青婴托联〔2026〕3号".equals(next("?prefix=" + enc("青婴托联") + "&year=2026")));
        var minutes = api.get("viewer", "/api/meetings/m-2").body().get("minutes");
        assertThat(minutes.findValuesAsText("documentNo")).containsExactly("青婴托联〔2026〕2号");
        assertThat(next("?prefix=" + enc(" 青婴托联 ") + "&year=2026")).isEqualTo("青婴托联〔2026〕3号");
        assertThat(next("?prefix=" + enc("青婴托联") + "&year=2027")).isEqualTo("青婴托联〔2027〕1号");
        assertThat(next("?prefix=" + enc("青联办纪") + "&year=2026")).isEqualTo("青联办纪〔2026〕1号");
        assertThat(next("?conferenceId=qh-infant-care")).isEqualTo("青婴托联〔2026〕3号"); // this year, latest series
        assertThat(api.get("viewer", "/api/minutes/next-number?year=20266").status())
                .isEqualTo(400);
    }

    @Test
    void aNumberTheLookupKeptAsTypedStillCountsAfterARestart() {
        signedMinutes("m-1", 10);
        expect(issueMinutes("m-1", "青婴托联〔2026〕1号"), 200, null);
        // as a version that did not normalise would have kept it
        app.getBean(JdbcTemplate.class)
                .update("update lookup_minutes_number set document_no = ? where meeting_id = ?", "青婴托联[2026]1号", "m-1");
        app.close();
        startApp();

        signedMinutes("m-2", 11);
        expect(issueMinutes("m-2", "青婴托联〔2026〕1号"), 409, "MinutesDocumentNumberUnique");
        assertThat(app.getBean(JdbcTemplate.class)
                        .queryForList("select document_no from lookup_minutes_number", String.class))
                .containsExactly("青婴托联〔2026〕1号");
    }
}
