package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The standalone ledger with the seed conference, started afresh for each test on a data folder of its
 * own and on the test clock ({@link TestClocks}: Monday 2 March 2026, 09:00 in Xining, unless a test
 * moves it), and closed after it; with the expectation the API tests share. The end-to-end tests of
 * commands and their rules extend it; it starts the application through the harness
 * ({@link StandaloneLedger}), as {@link LedgerTest} classes do, and keeps {@link #app} and {@link #api}
 * for a test that closes the application and starts it again ({@link #startApp()}).
 */
abstract class SeedLedgerOnATestClock {

    static final String CID = SeedConferenceEndToEndTest.CID;
    static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T01:00:00Z"); // 09:00 in Xining

    @TempDir
    Path dataDir;

    ConfigurableApplicationContext app;
    LedgerApi api;
    /** The running ledger (its port, base address, beans), replaced by each {@link #startApp()}. */
    StandaloneLedger ledger;

    @BeforeEach
    void startOnTheTestClock() {
        TestClocks.set(MONDAY_MORNING);
        startApp();
    }

    /** Starts the application on the data folder (again, after a test closed it), once the seed is read. */
    void startApp() {
        ledger = StandaloneLedger.on(dataDir)
                .onTestClock()
                .awaitRoster("2026-03-02")
                .start();
        app = ledger.app();
        api = ledger.api();
    }

    @AfterEach
    void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    /** A plenary on February {@code day} with one agreed matter (d-1), its minutes signed by the convener, ready to issue. */
    void signedMinutes(String meetingId, int day) {
        expect(api.post("office", "/api/meetings", """
                {"meetingId":"%s","conferenceId":"qh-infant-care","kind":"PLENARY","topic":"全体会议",
                 "scheduledAt":"2026-02-%02dT09:00:00+08:00","location":"省政府第一会议室","convenedBy":"kuang-yong"}
                """.formatted(meetingId, day)), 201, null);
        expect(
                api.post(
                        "office",
                        "/api/meetings/" + meetingId + "/decisions",
                        "{\"decisionId\":\"d-1\",\"matter\":\"研究托育服务工作\",\"major\":false}"),
                201,
                null);
        // the minutes say who attended: every participant unit present (AttendanceBeforeSignature)
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("viewer", "/api/meetings/" + meetingId).status() == 200);
        List<String> present = new java.util.ArrayList<>();
        api.get("viewer", "/api/meetings/" + meetingId)
                .body()
                .get("participantUnits")
                .forEach(u -> present.add("\"" + u.get("unitCode").asText() + "\""));
        expect(
                api.post("office", "/api/meetings/" + meetingId + "/attendance", "{\"present\":" + present + "}"),
                200,
                null);
        expect(
                api.post(
                        "office", "/api/meetings/" + meetingId + "/minutes/signature", "{\"signedBy\":\"kuang-yong\"}"),
                200,
                null);
    }

    /** Issues the signed minutes today under {@code documentNo}. */
    LedgerApi.Response issueMinutes(String meetingId, String documentNo) {
        return api.post(
                "office",
                "/api/meetings/" + meetingId + "/minutes/issue",
                "{\"documentNo\":\"" + documentNo + "\",\"distribution\":[\"各市州人民政府\"]}");
    }

    /** The answer has {@code status}, and when {@code rule} is given, it is a problem naming that rule. */
    static void expect(LedgerApi.Response response, int status, String rule) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        if (rule != null) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body().get("rule").asText()).isEqualTo(rule);
        }
    }
}
