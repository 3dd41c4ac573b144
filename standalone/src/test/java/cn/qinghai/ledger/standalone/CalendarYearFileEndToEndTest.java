package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A year the release does not ship (2027 onward) added by the operator without a new release: a year file
 * under {@code ledger.calendar.location}, read at start; health and the tasks then count the year as covered.
 * A bad file stops the start and says which file and what is wrong. The file here is a test file holding
 * 元旦 only, not the State Council's arrangement for 2027.
 */
class CalendarYearFileEndToEndTest {

    static final String CID = SeedConferenceEndToEndTest.CID;

    @TempDir
    Path dataDir;

    @TempDir
    Path calendarDir;

    ConfigurableApplicationContext start() {
        return LedgerStandaloneApplication.application()
                .run(
                        "--server.port=0",
                        "--ledger.demo=true",
                        "--ledger.data-dir=" + dataDir,
                        "--ledger.read-model.in-process-store=MEMORY",
                        "--ledger.calendar.location=file:" + calendarDir.toAbsolutePath() + "/*.json");
    }

    @Test
    void anAddedYearIsCoveredInHealthAndInTheTasks() throws Exception {
        Files.writeString(calendarDir.resolve("2027.json"), """
                {"year": 2027, "source": "测试用年度文件（非国务院通知）", "documentNumber": "测试〔2026〕1号",
                 "holidays": ["2027-01-01"], "adjustedWorkingDays": []}""");
        try (ConfigurableApplicationContext app = start()) {
            LedgerApi api = SeedConferenceEndToEndTest.api(app);
            SeedConferenceEndToEndTest.awaitRoster(api, "2021-08-12", 18);

            JsonNode calendar = api.get("admin", "/actuator/health")
                    .body()
                    .path("components")
                    .path("workingCalendar");
            List<Integer> covered = new ArrayList<>();
            calendar.path("details").path("coveredYears").forEach(y -> covered.add(y.asInt()));
            assertThat(covered).contains(2021, 2026, 2027);
            assertThat(calendar.path("details").path("notices").path("2027").asText())
                    .isEqualTo("测试用年度文件（非国务院通知）（测试〔2026〕1号）");
            assertThat(calendar.path("details").path("uncoveredYears").toString())
                    .doesNotContain("2027");

            LedgerApi.Response assigned = api.post("office", "/api/tasks", """
                    {"taskId":"cal-2027","conferenceId":"%s","title":"报送托育服务体系建设规划","leadUnitCode":"finance",
                     "coUnitCodes":[],"dueDate":"2027-03-01","source":"省政府领导批示"}""".formatted(CID));
            assertThat(assigned.status()).as(assigned.raw()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> api.get("viewer", "/api/tasks/cal-2027").status() == 200);
            JsonNode task = api.get("viewer", "/api/tasks/cal-2027").body();
            assertThat(task.path("uncoveredCalendarYears").toString()).isEqualTo("[]"); // without the file: [2027]
        }
    }

    @Test
    void aBadYearFileStopsTheStartNamingTheFileAndTheMistake() throws Exception {
        Files.writeString(calendarDir.resolve("2027.json"), """
                {"year": 2027, "source": "测试用年度文件（非国务院通知）", "documentNumber": "测试〔2026〕1号",
                 "holidays": ["2027-01-01"], "adjustedWorkingDays": ["2027-01-04"]}""");
        assertThatThrownBy(this::start)
                .rootCause()
                .hasMessageContaining("2027.json")
                .hasMessageContaining("2027-01-04 is a MONDAY");
    }
}
