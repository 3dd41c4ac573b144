package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The authorization matrix, idempotency and optimistic concurrency against the running application.
 * The matrix below is written independently of the code's rules and checked for every route the
 * application maps: a new endpoint without a line here fails the test.
 */
@LedgerTest
class SecurityEndToEndTest {

    static final String CID = "qh-infant-care";
    static final List<String> USERS = List.of("office", "unit-education", "auditor", "viewer", "admin");
    static final Map<String, String> ROLE_OF = Map.of(
            "office", "OFFICE", "unit-education", "UNIT", "auditor", "AUDITOR", "viewer", "VIEWER", "admin", "ADMIN");
    static final Set<String> READERS = Set.of("OFFICE", "UNIT", "AUDITOR", "VIEWER", "ADMIN");

    /** The authorization matrix (docs/security.md, "Who may do what"). */
    static final Map<String, Set<String>> MATRIX = new HashMap<>();

    static {
        for (String office : List.of(
                "POST /api/conferences",
                "POST /api/conferences/{cid}/units",
                "PUT /api/conferences/{cid}/units/{unit}/duties",
                "POST /api/conferences/{cid}/units/{unit}/removal",
                "POST /api/conferences/{cid}/members",
                "PUT /api/conferences/{cid}/office-director",
                "POST /api/conferences/{cid}/member-changes/{changeId}/confirmation",
                "POST /api/conferences/{cid}/member-changes/{changeId}/rejection",
                "POST /api/conferences/{cid}/seats/{personId}/succession",
                "POST /api/conferences/{cid}/dissolution",
                "POST /api/meetings",
                "POST /api/meetings/{mid}/attendance",
                "POST /api/meetings/{mid}/decisions",
                "POST /api/meetings/{mid}/minutes/signature",
                "POST /api/meetings/{mid}/minutes/issue",
                "POST /api/meetings/{mid}/minutes/corrections",
                "POST /api/meetings/{mid}/minutes/revision",
                "POST /api/meetings/{mid}/decisions/{did}/due-dates",
                "POST /api/meetings/{mid}/decisions/{did}/approval-request",
                "POST /api/meetings/{mid}/decisions/{did}/approval",
                "POST /api/meetings/{mid}/cancellation",
                "POST /api/tasks",
                "POST /api/tasks/{tid}/urgings",
                "POST /api/tasks/{tid}/extension-requests/{rid}/grant",
                "POST /api/tasks/{tid}/extension-requests/{rid}/denial",
                "POST /api/tasks/{tid}/closure",
                "POST /api/tasks/{tid}/return",
                "POST /api/circulars/issued",
                "POST /api/conferences/{cid}/reporting-rounds",
                "POST /api/conferences/{cid}/reporting-rounds/{period}/expected-units",
                "POST /api/conferences/{cid}/reporting-rounds/{period}/urgings",
                "POST /api/conferences/{cid}/reporting-rounds/{period}/closure",
                "POST /api/circulars/issued/{circularId}/corrections")) {
            MATRIX.put(office, Set.of("OFFICE"));
        }
        for (String unit : List.of(
                "POST /api/conferences/{cid}/member-changes",
                "POST /api/tasks/{tid}/acknowledgement",
                "POST /api/tasks/{tid}/progress",
                "POST /api/tasks/{tid}/extension-requests",
                "POST /api/tasks/{tid}/completion",
                "POST /api/conferences/{cid}/reporting-rounds/{period}/reports")) {
            MATRIX.put(unit, Set.of("UNIT"));
        }
        MATRIX.put("PUT /api/conferences/{cid}/units/{unit}/liaison", Set.of("OFFICE", "UNIT"));
        for (String audit : List.of(
                "GET /api/audit",
                "GET /api/audit/export",
                "GET /api/audit/verify",
                "GET /api/audit/checkpoint",
                "GET /api/audit/entities/{aggregateId}",
                "GET /api/audit/tasks/{tid}",
                "GET /api/audit/units")) {
            MATRIX.put(audit, Set.of("AUDITOR", "ADMIN", "OFFICE"));
        }
        MATRIX.put("GET /api/admin/projections", Set.of("ADMIN", "AUDITOR"));
        MATRIX.put("GET /api/admin/projections/{name}", Set.of("ADMIN", "AUDITOR"));
        MATRIX.put("POST /api/admin/projections/{name}/replay", Set.of("ADMIN"));
        MATRIX.put("GET /api/admin/dead-letters", Set.of("ADMIN", "AUDITOR"));
        MATRIX.put("GET /api/admin/dead-letters/{group}", Set.of("ADMIN", "AUDITOR"));
        MATRIX.put("POST /api/admin/dead-letters/{group}/retry", Set.of("ADMIN"));
        MATRIX.put("DELETE /api/admin/dead-letters/{group}", Set.of("ADMIN"));
        for (String read : List.of(
                "GET /api/conferences",
                "GET /api/conferences/{cid}",
                "GET /api/conferences/{cid}/roster",
                "GET /api/units",
                "GET /api/units/{unit}",
                "GET /api/meetings",
                "GET /api/meetings/{mid}",
                "GET /api/decisions",
                "GET /api/tasks",
                "GET /api/tasks/{tid}",
                "GET /api/tasks/export",
                "GET /api/minutes/next-number",
                "GET /api/circulars",
                "GET /api/circulars/issued",
                "GET /api/circulars/issued/{circularId}",
                "GET /api/conferences/{cid}/member-changes",
                "GET /api/me",
                "GET /api/conferences/{cid}/reporting-rounds",
                "GET /api/conferences/{cid}/reporting-rounds/{period}")) {
            MATRIX.put(read, READERS);
        }
        // the raw event feed says who did what: office, auditors, admins; its catalogue holds no data
        MATRIX.put("GET /api/events", Set.of("OFFICE", "AUDITOR", "ADMIN"));
        MATRIX.put("GET /api/events/stream", Set.of("OFFICE", "AUDITOR", "ADMIN"));
        MATRIX.put("GET /api/events/catalogue", READERS);
        // live read models for the dashboard: whoever reads the read models
        MATRIX.put("GET /api/live/units", READERS);
        MATRIX.put("GET /api/live/tasks", READERS);
    }

    static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("cid", CID),
            Map.entry("unit", "education"),
            Map.entry("tid", "no-such-task"),
            Map.entry("mid", "no-such-meeting"),
            Map.entry("did", "d-x"),
            Map.entry("changeId", "c-x"),
            Map.entry("rid", "r-x"),
            Map.entry("name", "roster"),
            Map.entry("aggregateId", "no-such-aggregate"),
            Map.entry("group", "roster"),
            Map.entry("circularId", "no-such-circular"),
            Map.entry("personId", "no-such-person"),
            Map.entry("period", "2031-Q1"));

    static ConfigurableApplicationContext app;
    static LedgerApi api;

    @BeforeAll
    static void start(StandaloneLedger ledger) {
        app = ledger.app();
        api = ledger.api();
    }

    static long allEvents() {
        return app.getBean(JdbcTemplate.class).queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    @Test
    void everyRouteAnswersEachRoleAsTheMatrixSays() {
        Routes routes = Routes.of(app);
        assertThat(routes.all()).hasSizeGreaterThan(30);
        List<String> unlisted = routes.all().stream()
                .map(Routes.Route::key)
                .filter(k -> !MATRIX.containsKey(k))
                .toList();
        assertThat(unlisted)
                .as("routes without a line in the authorization matrix")
                .isEmpty();
        long before = allEvents();
        List<String> wrong = new ArrayList<>();
        for (Routes.Route route : routes.all()) {
            String path = route.path(VALUES);
            String body = route.method().equals("GET") ? null : "{}";
            var anonymous = api.send(null, route.method(), path, body);
            if (anonymous.status() != 401) {
                wrong.add(route.key() + " anonymous -> " + anonymous.status());
            }
            for (String user : USERS) {
                boolean allowed = MATRIX.get(route.key()).contains(ROLE_OF.get(user));
                int status = api.send(user, route.method(), path, body).status();
                boolean refused = status == 401 || status == 403;
                if (allowed == refused || status >= 500) {
                    wrong.add(route.key() + " as " + user + " -> " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(allEvents())
                .as("refused and invalid requests change nothing")
                .isEqualTo(before);
    }

    @Test
    void aUnitActingOnAnotherUnitsTaskAViewerWritingAndAnAuditorWritingAreRefused() {
        var assigned = api.post("office", "/api/tasks", """
                {"taskId":"sec-1","conferenceId":"qh-infant-care","title":"统计托位数","leadUnitCode":"civil-affairs",
                 "dueInWorkingDays":10,"source":"办公室通知"}""");
        assertThat(assigned.status()).isEqualTo(201);
        long before = allEvents();
        assertThat(api.post("unit-education", "/api/tasks/sec-1/progress", "{\"percentComplete\":10,\"summary\":\"x\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.post("unit-education", "/api/tasks/sec-1/acknowledgement", "{}")
                        .status())
                .isEqualTo(403);
        assertThat(api.post("unit-education", "/api/tasks/sec-1/completion", "{\"summary\":\"x\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.post("viewer", "/api/tasks/sec-1/urgings", "{\"note\":\"x\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.get("viewer", "/api/audit").status()).isEqualTo(403);
        assertThat(api.post("auditor", "/api/tasks/sec-1/urgings", "{\"note\":\"x\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.put(
                                "unit-education",
                                "/api/conferences/" + CID + "/units/finance/liaison",
                                "{\"name\":\"李\",\"title\":\"处长\",\"phone\":\"0971-1\"}")
                        .status())
                .isEqualTo(403);
        assertThat(allEvents()).isEqualTo(before);
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyCreatesNothingNew() {
        String body = """
                {"taskId":"idem-1","conferenceId":"qh-infant-care","title":"报送方案","leadUnitCode":"education",
                 "dueInWorkingDays":5,"source":"办公室通知"}""";
        var first = api.send("office", "POST", "/api/tasks", body, "Idempotency-Key", "k-idem-1");
        assertThat(first.status()).isEqualTo(201);
        long after = allEvents();
        var retry = api.send("office", "POST", "/api/tasks", body, "Idempotency-Key", "k-idem-1");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.raw()).isEqualTo(first.raw());
        assertThat(retry.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        var other = api.send(
                "office", "POST", "/api/tasks", body.replace("idem-1", "idem-2"), "Idempotency-Key", "k-idem-1");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(allEvents()).isEqualTo(after);
        // Without the key a retry is still harmless: the client-chosen id is taken (409).
        assertThat(api.post("office", "/api/tasks", body).status()).isEqualTo(409);
        assertThat(allEvents()).isEqualTo(after);
    }

    @Test
    void aStaleVersionIsAConflictNamingTheCurrentOneAndConcurrentWritersNeverLoseAnUpdate() throws Exception {
        var assigned = api.post("office", "/api/tasks", """
                {"taskId":"occ-1","conferenceId":"qh-infant-care","title":"报送方案","leadUnitCode":"education",
                 "dueInWorkingDays":5,"source":"办公室通知"}""");
        assertThat(assigned.headers().firstValue("ETag")).contains("\"0\"");
        var urged = api.send("office", "POST", "/api/tasks/occ-1/urgings", "{\"note\":\"一催\"}", "If-Match", "\"0\"");
        assertThat(urged.status()).isEqualTo(200);
        assertThat(urged.headers().firstValue("ETag")).contains("\"1\"");
        var stale = api.send("office", "POST", "/api/tasks/occ-1/urgings", "{\"note\":\"二催\"}", "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("currentVersion").asLong()).isEqualTo(1);

        long before = allEvents();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> sameVersion = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sameVersion.add(pool.submit(() -> api.send(
                                "office", "POST", "/api/tasks/occ-1/urgings", "{\"note\":\"并发\"}", "If-Match", "\"1\"")
                        .status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : sameVersion) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
            List<Future<Integer>> unconditional = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                unconditional.add(pool.submit(() -> api.post("office", "/api/tasks/occ-1/urgings", "{\"note\":\"并发\"}")
                        .status()));
            }
            for (Future<Integer> f : unconditional) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(allEvents())
                .as("one conditional and eight unconditional urgings")
                .isEqualTo(before + 9);
    }

    @Test
    void errorsAreProblemDetailsAndSecurityHeadersAreSet() {
        var tooLarge = api.post("office", "/api/tasks", "{\"title\":\"" + "x".repeat(70_000) + "\"}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        var deep = api.post("office", "/api/tasks", "[".repeat(200) + "]".repeat(200));
        assertThat(deep.status()).isEqualTo(400);
        var control = api.post("office", "/api/tasks", """
                {"taskId":"ctl-1","conferenceId":"qh-infant-care","title":"a\\u0007b","leadUnitCode":"education",
                 "dueInWorkingDays":5,"source":"x"}""");
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.body().get("errors").get(0).get("field").asText()).isEqualTo("title");
        var badDate = api.post("office", "/api/tasks", """
                {"taskId":"d-1","conferenceId":"qh-infant-care","title":"t","leadUnitCode":"education",
                 "dueDate":"2026-02-30","source":"x"}""");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().get("errors").get(0).get("field").asText()).isEqualTo("dueDate");
        var read = api.get("viewer", "/api/units");
        assertThat(read.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(read.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(read.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void servicesSigningInWithBasicGetNoSession() {
        var read = api.get("viewer", "/api/units");
        var write = api.post("office", "/api/tasks", """
                {"taskId":"no-session-1","conferenceId":"qh-infant-care","title":"t","leadUnitCode":"education",
                 "dueInWorkingDays":5,"source":"x"}""");
        assertThat(read.status()).isEqualTo(200);
        assertThat(write.status()).isEqualTo(201);
        for (var response : List.of(read, write)) {
            assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
        }
    }
}
