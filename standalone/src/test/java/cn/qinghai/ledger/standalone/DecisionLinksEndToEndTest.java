package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinghai.ledger.events.conference.RosterChangeDecidedEvent;
import cn.qinghai.ledger.events.conference.RosterDecision;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A roster change decided in a meeting (会议议定) cites the agreed matter (议定事项) of issued minutes: a matter
 * the minutes do not carry is refused (DecisionInIssuedMinutes), the one they carry is recorded with the
 * number and date of the minutes that issued it, and lookups written before matters were kept are filled in
 * from the events at start.
 */
class DecisionLinksEndToEndTest extends SeedLedgerOnATestClock {

    static final String DUTIES = "/api/conferences/qh-infant-care/units/education/duties";

    static String duties(String meetingId, String decisionId) {
        return """
                {"duties":["负责托育服务政策研究"],"decidedBy":{"kind":"MINUTES","meetingId":"%s","decisionId":"%s"}}
                """.formatted(meetingId, decisionId);
    }

    @Test
    void aRosterChangeCitesAnAgreedMatterOfIssuedMinutes() {
        signedMinutes("m-1", 10);
        expect(api.put("office", DUTIES, duties("m-1", "d-1")), 422, "DecisionInIssuedMinutes"); // signed, not issued
        expect(issueMinutes("m-1", "青婴托联〔2026〕1号"), 200, null);
        expect(api.put("office", DUTIES, duties("m-1", "d-9")), 422, "DecisionInIssuedMinutes"); // no such matter
        expect(api.put("office", DUTIES, duties("m-1", "d-1")), 200, null);

        RosterDecision decided = decisions().get(decisions().size() - 1);
        assertThat(decided)
                .isEqualTo(new RosterDecision(
                        RosterDecision.Kind.MINUTES,
                        "m-1",
                        "d-1",
                        "青婴托联〔2026〕1号",
                        LocalDate.of(2026, 3, 2))); // the minutes that issued it, and their date

        // GET /api/units shows it as the basis of the unit's present duties (决定依据)
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("viewer", "/api/units/education")
                        .body()
                        .at("/decisions/dutiesUpdated/decisionId")
                        .asText()
                        .equals("d-1"));
        JsonNode unit = education(); // the units list, as the board reads it
        assertThat(unit.at("/decisions/dutiesUpdated/reference").asText()).isEqualTo("青婴托联〔2026〕1号");
        assertThat(unit.at("/decisions/unitAdded/reference").asText()).isEqualTo("青政办函〔2021〕138号");
    }

    @Test
    void lookupsWrittenBeforeMattersWereKeptAreFilledInAtStart() {
        signedMinutes("m-1", 10);
        expect(issueMinutes("m-1", "青婴托联〔2026〕1号"), 200, null);
        app.getBean(JdbcTemplate.class).update("delete from lookup_issued_matter");
        expect(api.put("office", DUTIES, duties("m-1", "d-1")), 422, "DecisionInIssuedMinutes");
        app.close();
        startApp();

        expect(api.put("office", DUTIES, duties("m-1", "d-1")), 200, null);
        assertThat(app.getBean(JdbcTemplate.class)
                        .queryForList(
                                "select document_no from lookup_issued_matter where meeting_id = 'm-1' and decision_id = 'd-1'",
                                String.class))
                .containsExactly("青婴托联〔2026〕1号");
    }

    JsonNode education() {
        for (JsonNode unit :
                api.get("viewer", "/api/units?conferenceId=" + CID).body().get("items")) {
            if (unit.get("unitCode").asText().equals("education")) {
                return unit;
            }
        }
        throw new AssertionError("no unit education in GET /api/units");
    }

    /** The decisions the conference's roster changes carry, as stored. */
    List<RosterDecision> decisions() {
        return app.getBean(EventStore.class)
                .readEvents(CID)
                .asStream()
                .filter(e -> e.getPayload() instanceof RosterChangeDecidedEvent)
                .map(e -> ((RosterChangeDecidedEvent) e.getPayload()).decidedBy())
                .toList();
    }
}
