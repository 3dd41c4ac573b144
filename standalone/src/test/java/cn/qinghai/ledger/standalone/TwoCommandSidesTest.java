package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinghai.ledger.query.QuerySideApplication;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two command-side JVMs and one query side on one PostgreSQL, every request of a race split across the
 * two instances at the same moment: the cross-aggregate rules hold (the database holds them too), two
 * commands on one aggregate end in one success and one 409, an Idempotency-Key runs its command once
 * whichever instance gets it, nothing answers 5xx, and the read models agree with what was answered.
 * Rounds: {@code -Dtwo.rounds} (3).
 */
class TwoCommandSidesTest {

    static final String CID = "qh-infant-care";
    static final int ROUNDS = Integer.getInteger("two.rounds", 3);
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    static EmbeddedPostgres postgres;

    @TempDir
    static Path dirs;

    static ChildLedger first;
    static ChildLedger second;
    static ConfigurableApplicationContext querySide;
    static LedgerApi a;
    static LedgerApi b;
    static LedgerApi queries;
    static final List<Integer> statuses = new ArrayList<>();
    /** Two threads of their own: the common pool may have one on two cores, and a race needs both at once. */
    static final ExecutorService RACERS = Executors.newFixedThreadPool(2);

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        List<String> shared = List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres");
        Path reports = Files.createDirectories(Path.of("target", "two-command-sides"));
        first = new ChildLedger(
                ChildLedger.COMMAND_SIDE,
                Files.createDirectories(dirs.resolve("a")),
                reports.resolve("command-side-a.log"),
                shared);
        second = new ChildLedger(
                ChildLedger.COMMAND_SIDE,
                Files.createDirectories(dirs.resolve("b")),
                reports.resolve("command-side-b.log"),
                shared);
        first.start(Duration.ofSeconds(120)); // loads the seed conference; the second finds it there
        second.start(Duration.ofSeconds(120));
        List<String> query = new ArrayList<>(shared);
        query.addAll(List.of(
                "--server.port=0",
                "--ledger.demo=true",
                "--ledger.data-dir=" + dirs.resolve("q"),
                "--ledger.read-model.in-process-store=MEMORY"));
        querySide = QuerySideApplication.application().run(query.toArray(String[]::new));
        a = new LedgerApi(first.port());
        b = new LedgerApi(second.port());
        queries = SeedConferenceEndToEndTest.api(querySide);
        SeedConferenceEndToEndTest.awaitRoster(queries, "2021-08-12", 18);
    }

    @AfterAll
    static void stop() throws Exception {
        RACERS.shutdownNow();
        if (querySide != null) {
            querySide.close();
        }
        if (first != null) {
            first.kill();
        }
        if (second != null) {
            second.kill();
        }
        if (postgres != null) {
            postgres.close();
        }
        assertThat(statuses).as("no answer of any race was a server error").allMatch(s -> s < 500);
    }

    @Test
    void theSameTaskFromBothInstancesIsCreatedOnceAndTheOtherIsA409() {
        for (int round = 0; round < ROUNDS; round++) {
            String body = task("twin-" + round, "education");
            List<LedgerApi.Response> answers =
                    race(() -> a.post("office", "/api/tasks", body), () -> b.post("office", "/api/tasks", body));
            assertThat(answers).extracting(LedgerApi.Response::status).containsExactlyInAnyOrder(201, 409);
        }
        for (int round = 0; round < ROUNDS; round++) {
            String taskId = "twin-" + round;
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> queries.get("viewer", "/api/tasks/" + taskId).status() == 200);
        }
    }

    @Test
    void twoCommandsOnOneTaskAtOnceEndInSuccessesAndClear409sAndTheTaskShowsExactlyTheSuccesses() {
        expect(a.post("office", "/api/tasks", task("urged", "finance")), 201);
        int succeeded = 0;
        for (int round = 0; round < ROUNDS * 2; round++) {
            String note = "{\"note\":\"第" + round + "次催办\"}";
            List<LedgerApi.Response> answers = race(
                    () -> a.post("office", "/api/tasks/urged/urgings", note),
                    () -> b.post("office", "/api/tasks/urged/urgings", note));
            for (LedgerApi.Response answer : answers) {
                assertThat(answer.status()).as(answer.raw()).isIn(200, 201, 409);
                succeeded += answer.status() < 300 ? 1 : 0;
            }
        }
        int expected = succeeded;
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(queries.get("viewer", "/api/tasks/urged")
                                .body()
                                .path("urgings")
                                .size())
                        .isEqualTo(expected));
        assertThat(expected).isGreaterThanOrEqualTo(ROUNDS * 2);
    }

    @Test
    void anIdempotencyKeySentToBothInstancesRunsItsCommandOnce() {
        expect(a.post("office", "/api/tasks", task("keyed", "health")), 201);
        for (int round = 0; round < ROUNDS; round++) {
            String key = "two-sides-" + round;
            String note = "{\"note\":\"同一请求" + round + "\"}";
            List<LedgerApi.Response> answers = race(
                    () -> a.send("office", "POST", "/api/tasks/keyed/urgings", note, "Idempotency-Key", key),
                    () -> b.send("office", "POST", "/api/tasks/keyed/urgings", note, "Idempotency-Key", key));
            for (LedgerApi.Response answer : answers) {
                assertThat(answer.status()).as(answer.raw()).isIn(200, 201, 409);
                if (answer.status() == 409) {
                    assertThat(answer.headers().firstValue("Retry-After"))
                            .as("still running elsewhere")
                            .isPresent();
                }
            }
            assertThat(answers).anyMatch(r -> r.status() < 300);
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(queries.get("viewer", "/api/tasks/keyed")
                                .body()
                                .path("urgings")
                                .size())
                        .isEqualTo(ROUNDS));
    }

    @Test
    void removingAUnitWhileTheOtherInstanceAssignsItATaskLetsExactlyOneWin() {
        for (int round = 0; round < ROUNDS; round++) {
            String unit = "race-unit-" + round;
            String taskId = "race-task-" + round;
            expect(a.post("office", "/api/conferences/" + CID + "/units", """
                    {"unitCode":"%s","name":"竞争单位%d","duties":["配合"],
                     "decidedBy":{"kind":"CIRCULATION","reference":"青婴联办函〔2024〕1号","decidedOn":"2024-02-20"}}""".formatted(unit, round)), 201);
            List<LedgerApi.Response> answers = race(
                    () -> a.post(
                            "office",
                            "/api/conferences/" + CID + "/units/" + unit + "/removal",
                            "{\"reason\":\"机构调整\",\"decidedBy\":{\"kind\":\"CIRCULATION\",\"reference\":\"青婴联办函〔2024〕1号\",\"decidedOn\":\"2024-02-20\"}}"),
                    () -> b.post("office", "/api/tasks", task(taskId, unit)));
            int removal = answers.get(0).status();
            int assignment = answers.get(1).status();
            assertThat(List.of(removal, assignment))
                    .as(answers.get(0).raw() + " / " + answers.get(1).raw())
                    .isIn(List.of(200, 422), List.of(422, 201));
            String rule = (removal == 200 ? answers.get(1) : answers.get(0))
                    .body()
                    .path("rule")
                    .asText();
            assertThat(rule).isIn("OneActiveLeadUnit", "UnitWithOpenTasksStays");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode shown = queries.get("viewer", "/api/units/" + unit + "?conferenceId=" + CID)
                        .body();
                assertThat(shown.path("active").asBoolean()).isEqualTo(removal != 200);
                assertThat(queries.get("viewer", "/api/tasks/" + taskId).status())
                        .isEqualTo(assignment == 201 ? 200 : 404);
            });
        }
    }

    @Test
    void theSameMinutesNumberInTwoMeetingsAtOnceIsTakenByOne() {
        for (int round = 0; round < ROUNDS; round++) {
            String m1 = "race-m" + round + "-a";
            String m2 = "race-m" + round + "-b";
            signedMinutes(a, m1);
            signedMinutes(b, m2);
            String issue = "{\"documentNo\":\"青婴托联〔2026〕" + (90 + round) + "号\",\"distribution\":[\"各市州人民政府\"]}";
            List<LedgerApi.Response> answers = race(
                    () -> a.post("office", "/api/meetings/" + m1 + "/minutes/issue", issue),
                    () -> b.post("office", "/api/meetings/" + m2 + "/minutes/issue", issue));
            assertThat(answers)
                    .extracting(LedgerApi.Response::status)
                    .as(answers.get(0).raw() + " / " + answers.get(1).raw())
                    .containsExactlyInAnyOrder(200, 409);
            LedgerApi.Response refused = answers.get(0).status() == 409 ? answers.get(0) : answers.get(1);
            assertThat(refused.body().path("rule").asText()).isEqualTo("MinutesDocumentNumberUnique");
        }
    }

    /** A special-topic meeting convened, attended, with one agreed matter, its minutes signed by the convener. */
    static void signedMinutes(LedgerApi api, String meetingId) {
        expect(api.post("office", "/api/meetings", """
                {"meetingId":"%s","conferenceId":"%s","kind":"SPECIAL_TOPIC","topic":"竞争测试专题会议",
                 "scheduledAt":"%sT09:00:00+08:00","location":"省政府第一会议室","convenedBy":"jin-shengshou",
                 "participantUnits":["health","education"]}""".formatted(meetingId, CID, TODAY.minusDays(2))), 201);
        expect(
                api.post(
                        "office",
                        "/api/meetings/" + meetingId + "/attendance",
                        "{\"present\":[\"health\",\"education\"]}"),
                200);
        expect(
                api.post(
                        "office",
                        "/api/meetings/" + meetingId + "/decisions",
                        "{\"decisionId\":\"d-1\",\"matter\":\"研究部署\",\"major\":false}"),
                201);
        expect(
                api.post(
                        "office", "/api/meetings/" + meetingId + "/minutes/signature", "{\"signedBy\":\"kuang-yong\"}"),
                200);
    }

    static String task(String taskId, String lead) {
        return """
                {"taskId":"%s","conferenceId":"%s","title":"竞争测试事项","leadUnitCode":"%s",
                 "dueInWorkingDays":10,"source":"办公室交办"}""".formatted(taskId, CID, lead);
    }

    /** Both requests released at the same moment, one per instance; the answers in the order given. */
    static List<LedgerApi.Response> race(Supplier<LedgerApi.Response> x, Supplier<LedgerApi.Response> y) {
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<LedgerApi.Response> fx = CompletableFuture.supplyAsync(() -> awaitThen(start, x), RACERS);
        CompletableFuture<LedgerApi.Response> fy = CompletableFuture.supplyAsync(() -> awaitThen(start, y), RACERS);
        List<LedgerApi.Response> answers = List.of(fx.join(), fy.join());
        synchronized (statuses) {
            answers.forEach(r -> statuses.add(r.status()));
        }
        for (LedgerApi.Response answer : answers) {
            assertThat(answer.status()).as("no 5xx: " + answer.raw()).isLessThan(500);
        }
        return answers;
    }

    private static LedgerApi.Response awaitThen(CyclicBarrier start, Supplier<LedgerApi.Response> request) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return request.get();
    }

    static void expect(LedgerApi.Response response, int status) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
    }
}
