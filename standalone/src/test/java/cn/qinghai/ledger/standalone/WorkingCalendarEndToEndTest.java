package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A deadline in a year whose holiday arrangement is not loaded is counted Monday to Friday; the task
 * says so, and health lists the years covered (with their notices) and those that are not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@LedgerTest
class WorkingCalendarEndToEndTest {

    static final String CID = SeedConferenceEndToEndTest.CID;

    ConfigurableApplicationContext app;
    LedgerApi api;

    @BeforeAll
    void start(StandaloneLedger ledger) {
        app = ledger.app();
        api = ledger.api();
    }

    @Test
    void aTaskDueInAnUncoveredYearSaysSoAndHealthNamesTheYearsAndTheirNotices() {
        int uncovered = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 2;
        for (String[] task : List.of(new String[] {"cal-far", uncovered + "-03-01"}, new String[] {"cal-near", null})) {
            String due = task[1] == null ? "\"dueInWorkingDays\":5" : "\"dueDate\":\"" + task[1] + "\"";
            LedgerApi.Response assigned = api.post("office", "/api/tasks", """
                    {"taskId":"%s","conferenceId":"%s","title":"报送托育服务体系建设规划","leadUnitCode":"finance",
                     "coUnitCodes":[],%s,"source":"省政府领导批示"}""".formatted(task[0], CID, due));
            assertThat(assigned.status()).as(assigned.raw()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("viewer", "/api/tasks/cal-far").status() == 200
                        && api.get("viewer", "/api/tasks/cal-near").status() == 200);

        JsonNode far = api.get("viewer", "/api/tasks/cal-far").body();
        assertThat(far.path("uncoveredCalendarYears").toString()).contains(String.valueOf(uncovered));

        JsonNode calendar =
                api.get("admin", "/actuator/health").body().path("components").path("workingCalendar");
        assertThat(calendar.path("status").asText()).isEqualTo("UP");
        List<Integer> covered = new ArrayList<>();
        calendar.path("details").path("coveredYears").forEach(y -> covered.add(y.asInt()));
        assertThat(covered).contains(2021, 2022, 2023, 2024, 2025, 2026);
        assertThat(calendar.path("details").path("notices").path("2021").asText())
                .isEqualTo("国务院办公厅关于2021年部分节假日安排的通知（国办发明电〔2020〕27号）");
        List<Integer> uncoveredYears = new ArrayList<>();
        calendar.path("details").path("uncoveredYears").forEach(y -> uncoveredYears.add(y.asInt()));
        assertThat(uncoveredYears)
                .as("from the conference's first year to next year")
                .doesNotContain(2021, 2026)
                .allMatch(y -> !covered.contains(y));
        if (!uncoveredYears.isEmpty()) {
            assertThat(calendar.path("details").path("warning").asText()).contains("Monday to Friday");
        }
    }
}
