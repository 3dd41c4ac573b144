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
        ledger = StandaloneLedger.on(dataDir).onTestClock().awaitRoster("2026-03-02").start();
        app = ledger.app();
        api = ledger.api();
    }

    @AfterEach
    void stop() {
        if (ledger != null) {
            ledger.close();
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
