package cn.qinghai.ledger.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Year files the office adds under {@code ledger.calendar.location} for a year the release does not ship: a
 * good one covers its year, a bad one stops the start with a message naming the file and what is wrong.
 * The year files here are test files, not a State Council arrangement: they hold 元旦 only.
 */
class CalendarFilesTest {

    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    final CalendarConfiguration configuration = new CalendarConfiguration();

    @TempDir
    Path dir;

    static String yearFile(int year, String documentNumber, String holidays, String adjusted) {
        return """
                {"year": %d, "source": "测试用年度文件（非国务院通知）", "documentNumber": %s,
                 "holidays": [%s], "adjustedWorkingDays": [%s]}""".formatted(year, documentNumber, holidays, adjusted);
    }

    String location() {
        return "file:" + dir.toAbsolutePath() + "/*.json";
    }

    void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    CalendarConfiguration.CalendarSources load() throws IOException {
        return configuration.calendarSources(json, location());
    }

    @Test
    void aYearTheReleaseDoesNotShipIsCoveredOnceItsFileIsAdded() throws IOException {
        WorkingCalendar shipped = configuration.workingCalendar(configuration.calendarSources(json, ""));
        assertThat(shipped.covers(LocalDate.of(2027, 1, 1))).isFalse();

        write("2027.json", yearFile(2027, "\"测试〔2026〕1号\"", "\"2027-01-01\"", ""));
        CalendarConfiguration.CalendarSources sources = load();
        WorkingCalendar calendar = configuration.workingCalendar(sources);
        assertThat(calendar.covers(LocalDate.of(2027, 6, 1))).isTrue();
        assertThat(calendar.coveredYears()).contains(2021, 2026, 2027);
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse(); // a Friday, 元旦
        assertThat(sources.years())
                .filteredOn(y -> y.year() == 2027)
                .singleElement()
                .satisfies(y -> assertThat(y.documentNumber()).isEqualTo("测试〔2026〕1号"));
    }

    @Test
    void aFileForAShippedYearReplacesIt() throws IOException {
        write("2026.json", yearFile(2026, "\"测试〔2025〕9号\"", "\"2026-01-01\"", ""));
        WorkingCalendar calendar = configuration.workingCalendar(load());
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isTrue(); // not in the replacing file
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 1))).isFalse();
    }

    @Test
    void aLocationThatFindsNoFileStopsTheStart() {
        assertThatThrownBy(this::load)
                .isInstanceOf(CalendarConfiguration.InvalidCalendarException.class)
                .hasMessageContaining("matches no file")
                .hasMessageContaining(location());
    }

    @Test
    void aFileThatIsNotAYearFileIsNamed() throws IOException {
        write("2027.json", "{\"year\": 2027, \"holidays\": [\"1 January\"]}");
        assertThatThrownBy(this::load)
                .isInstanceOf(CalendarConfiguration.InvalidCalendarException.class)
                .hasMessageContaining("2027.json")
                .hasMessageContaining("is not a year file");
    }

    @Test
    void eachMistakeIsNamed() throws IOException {
        refused(yearFile(2027, "null", "\"2027-01-01\"", ""), "\"documentNumber\" is missing");
        refused(yearFile(2027, "\"测试〔2026〕1号\"", "", ""), "\"holidays\" is empty");
        refused(yearFile(2027, "\"测试〔2026〕1号\"", "\"2026-12-31\"", ""), "the date 2026-12-31 is not in 2027");
        refused(yearFile(2027, "\"测试〔2026〕1号\"", "\"2027-01-01\", \"2027-01-01\"", ""), "given twice");
        refused(yearFile(2027, "\"测试〔2026〕1号\"", "\"2027-01-01\"", "\"2027-01-01\""), "given twice");
        refused(yearFile(2027, "\"测试〔2026〕1号\"", "\"2027-01-01\"", "\"2027-01-04\""), "2027-01-04 is a MONDAY");
        refused(yearFile(1999, "\"测试〔2026〕1号\"", "\"1999-01-01\"", ""), "\"year\" is missing or not a year");
        refused(
                yearFile(2027, "\"测试〔2026〕1号\"", "\"2027-01-01\"", "").replace("测试用年度文件（非国务院通知）", " "),
                "\"source\" is missing");
    }

    @Test
    void twoFilesForOneYearAreRefused() throws IOException {
        write("2027.json", yearFile(2027, "\"测试〔2026〕1号\"", "\"2027-01-01\"", ""));
        write("2027-again.json", yearFile(2027, "\"测试〔2026〕2号\"", "\"2027-01-01\"", ""));
        assertThatThrownBy(this::load)
                .isInstanceOf(CalendarConfiguration.InvalidCalendarException.class)
                .hasMessageContaining("both give the year 2027");
    }

    void refused(String content, String problem) throws IOException {
        write("2027.json", content);
        assertThatThrownBy(this::load)
                .as(content)
                .isInstanceOf(CalendarConfiguration.InvalidCalendarException.class)
                .hasMessageContaining("2027.json")
                .hasMessageContaining(problem);
    }
}
