package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The standalone ledger with the seed conference, started afresh for each test on a data folder of its
 * own and on the test clock ({@link TestClocks}: Monday 2 March 2026, 09:00 in Xining, unless a test
 * moves it), and closed after it; with the expectation the API tests share. One way to start the
 * application for the end-to-end tests of commands and their rules.
 */
abstract class SeedLedgerOnATestClock {

    static final String CID = SeedConferenceEndToEndTest.CID;
    static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T01:00:00Z"); // 09:00 in Xining

    @TempDir
    Path dataDir;
    ConfigurableApplicationContext app;
    LedgerApi api;

    @BeforeEach
    void startOnTheTestClock() {
        TestClocks.set(MONDAY_MORNING);
        startApp();
    }

    /** Starts the application on the data folder (again, after a test closed it), once the seed is read. */
    void startApp() {
        app = LedgerStandaloneApplication.application().sources(TestClocks.class).run(
                "--server.port=0", "--ledger.demo=true", "--ledger.data-dir=" + dataDir,
                "--ledger.read-model.in-process-store=MEMORY", "--db-scheduler.polling-interval=1h");
        api = SeedConferenceEndToEndTest.api(app);
        SeedConferenceEndToEndTest.awaitRoster(api, "2026-03-02", 18);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
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
