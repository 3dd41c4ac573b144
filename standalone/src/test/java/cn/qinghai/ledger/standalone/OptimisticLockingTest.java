package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Versions a client can trust, and conflicts only where they matter (docs/optimistic-locking.md): the
 * ETag of an answer is the version that very command wrote; a command sent with {@code If-Match} is
 * refused only when changes its decision depended on were made since that version.
 */
@LedgerTest
class OptimisticLockingTest {

    static final String CID = "qh-infant-care";

    static ConfigurableApplicationContext app;
    static LedgerApi api;

    @BeforeAll
    static void start(StandaloneLedger ledger) {
        app = ledger.app();
        api = ledger.api();
    }

    static String assign(String taskId, String unit) {
        var assigned = api.post("office", "/api/tasks", TaskRequests.assignment(taskId, unit));
        assertThat(assigned.status()).isEqualTo(201);
        return etag(assigned);
    }

    static String etag(LedgerApi.Response response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    static LedgerApi.Response post(String user, String path, String body, String ifMatch) {
        return ifMatch == null ? api.post(user, path, body) : api.send(user, "POST", path, body, "If-Match", ifMatch);
    }

    @Test
    void concurrentCommandsEachAnswerTheVersionTheyWrote() throws Exception {
        assertThat(assign("ver-1", "education")).isEqualTo("\"0\"");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<LedgerApi.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> api.post("office", "/api/tasks/ver-1/urgings", "{\"note\":\"并发催办\"}")));
        }
        Set<String> etags = new HashSet<>();
        for (Future<LedgerApi.Response> answer : answers) {
            assertThat(answer.get().status()).isEqualTo(200);
            etags.add(etag(answer.get()));
        }
        pool.shutdown();
        List<Long> stored = app.getBean(JdbcTemplate.class)
                .queryForList(
                        "select sequence_number from"
                                + " domain_event_entry where aggregate_identifier = 'ver-1' and sequence_number > 0",
                        Long.class);
        assertThat(etags)
                .as("eight answers, eight versions")
                .hasSize(8)
                .containsExactlyInAnyOrderElementsOf(
                        stored.stream().map(v -> "\"" + v + "\"").toList());
    }

    @Test
    void aUnitsReportDoesNotConflictWithAnUrgingButWithItsOwnEarlierReport() {
        assign("ver-2", "health");
        String read = etag(post("unit-health", "/api/tasks/ver-2/acknowledgement", "{}", null));
        assertThat(post("office", "/api/tasks/ver-2/urgings", "{\"note\":\"请尽快报送\"}", null)
                        .status())
                .isEqualTo(200);
        var report =
                post("unit-health", "/api/tasks/ver-2/progress", "{\"percentComplete\":30,\"summary\":\"摸底\"}", read);
        assertThat(report.status())
                .as("the urging changes nothing the unit answers to")
                .isEqualTo(200);
        var again =
                post("unit-health", "/api/tasks/ver-2/progress", "{\"percentComplete\":40,\"summary\":\"摸底\"}", read);
        assertThat(again.status()).as("its own report made meanwhile").isEqualTo(409);
        assertThat(again.body().path("currentVersion").asLong()).isEqualTo(3);
        var urgeAgain = post("office", "/api/tasks/ver-2/urgings", "{\"note\":\"再催\"}", read);
        assertThat(urgeAgain.status())
                .as("the office urges knowing the latest report")
                .isEqualTo(409);
    }

    @Test
    void aClosureConflictsWithACompletionSubmittedSinceTheOfficeLooked() {
        assign("ver-3", "finance");
        post("unit-finance", "/api/tasks/ver-3/acknowledgement", "{}", null);
        post("unit-finance", "/api/tasks/ver-3/progress", "{\"percentComplete\":100,\"summary\":\"已完成\"}", null);
        String seen = etag(post("unit-finance", "/api/tasks/ver-3/completion", "{\"summary\":\"已完成\"}", null));
        assertThat(post("office", "/api/tasks/ver-3/return", "{\"reason\":\"材料不全\"}", seen)
                        .status())
                .isEqualTo(200);
        post("unit-finance", "/api/tasks/ver-3/progress", "{\"percentComplete\":100,\"summary\":\"已补齐\"}", null);
        assertThat(post("unit-finance", "/api/tasks/ver-3/completion", "{\"summary\":\"已补齐\"}", null)
                        .status())
                .isEqualTo(200);
        var close = post("office", "/api/tasks/ver-3/closure", "{}", seen);
        assertThat(close.status())
                .as("a new completion since the office looked")
                .isEqualTo(409);
        assertThat(close.contentType()).startsWith("application/problem+json");
        String current = etag(close);
        assertThat(post("office", "/api/tasks/ver-3/closure", "{}", current).status())
                .isEqualTo(200);
    }

    @Test
    void onTheConferenceOnlyChangesOfTheSameUnitOrOfTheWholeConferenceConflict() {
        String liaison = "{\"name\":\"%s\",\"title\":\"处长\",\"phone\":\"0971-1234567\"}";
        String read = etag(api.put(
                "unit-housing", "/api/conferences/" + CID + "/units/housing/liaison", liaison.formatted("张联络")));
        assertThat(api.put(
                                "unit-education",
                                "/api/conferences/" + CID + "/units/education/liaison",
                                liaison.formatted("李联络"))
                        .status())
                .isEqualTo(200);
        var otherUnitMoved = api.send(
                "unit-housing",
                "PUT",
                "/api/conferences/" + CID + "/units/housing/liaison",
                liaison.formatted("赵联络"),
                "If-Match",
                read);
        assertThat(otherUnitMoved.status()).as("another unit's filing").isEqualTo(200);
        var sameUnitMoved = api.send(
                "unit-housing",
                "PUT",
                "/api/conferences/" + CID + "/units/housing/liaison",
                liaison.formatted("钱联络"),
                "If-Match",
                read);
        assertThat(sameUnitMoved.status()).as("this unit's own filing since").isEqualTo(409);
    }

    @Test
    void aMalformedIfMatchIsA400() {
        assign("ver-4", "education");
        var bad = post("office", "/api/tasks/ver-4/urgings", "{\"note\":\"x\"}", "version-seven");
        assertThat(bad.status()).isEqualTo(400);
    }
}
