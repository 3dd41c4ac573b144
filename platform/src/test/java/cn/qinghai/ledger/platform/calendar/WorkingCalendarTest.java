package cn.qinghai.ledger.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    final CalendarConfiguration.CalendarSources sources;
    final WorkingCalendar calendar;

    WorkingCalendarTest() throws Exception {
        CalendarConfiguration configuration = new CalendarConfiguration();
        sources = configuration.calendarSources(new ObjectMapper().registerModule(new JavaTimeModule()), "");
        calendar = configuration.workingCalendar(sources);
    }

    @Test
    void weekendsAndPublicHolidaysAreNotWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 27))).isTrue(); // Friday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse(); // Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse(); // 国庆节
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse(); // 春节 (Monday)
    }

    @Test
    void adjustedWorkingDaysAreWorkedAlthoughOnAWeekend() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue(); // Saturday, 调休
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 28))).isTrue(); // Sunday, 调休
    }

    @Test
    void addingWorkingDaysSkipsTheGoldenWeek() {
        // Tuesday 29 Sep 2026 + 3 working days: 30 Sep, then 1–7 Oct are holidays, 8 Oct, 9 Oct.
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 29), 3)).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 29), LocalDate.of(2026, 10, 9)))
                .isEqualTo(3);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 10, 9), LocalDate.of(2026, 9, 29)))
                .isEqualTo(-3);
    }

    @Test
    void yearsWithoutDataCountWeekdays() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2031, 1, 3), 1)).isEqualTo(LocalDate.of(2031, 1, 6));
    }

    @Test
    void everyYearOfTheConferenceFrom2021IsLoadedWithItsNotice() {
        assertThat(calendar.coveredYears()).containsExactly(2021, 2022, 2023, 2024, 2025, 2026);
        for (CalendarConfiguration.YearFile year : sources.years()) {
            assertThat(year.source()).as("%s", year.year()).isEqualTo("国务院办公厅关于" + year.year() + "年部分节假日安排的通知");
            if (year.documentNumber() != null) {
                // the notice for a year is issued in the year before
                assertThat(year.documentNumber())
                        .as("%s", year.year())
                        .matches("国办发明电〔" + (year.year() - 1) + "〕[1-9][0-9]*号");
            }
            assertThat(year.holidays()).as("%s holidays", year.year()).allMatch(d -> d.getYear() == year.year());
            assertThat(year.adjustedWorkingDays())
                    .as("%s: 调休 falls on a weekend", year.year())
                    .allMatch(d -> d.getDayOfWeek().getValue() >= 6);
        }
        assertThat(sources.years())
                .filteredOn(y -> y.year() <= 2025)
                .allMatch(y -> y.documentNumber() != null, "2021–2025 cite their 文号");
    }

    @Test
    void theEarlierYearsCountTheirHolidaysAndAdjustedDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2021, 8, 12)))
                .as("the notice's date, a Thursday")
                .isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2021, 9, 18)))
                .as("Saturday before 中秋, worked")
                .isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2022, 1, 31)))
                .as("除夕 2022")
                .isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 10, 6)))
                .as("Friday in the 2023 golden week")
                .isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 18)))
                .as("Sunday after 春节 2024, worked")
                .isTrue();
    }

    @Test
    void aYearWithoutItsArrangementIsNamedNotCountedSilently() {
        assertThat(calendar.covers(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(calendar.covers(LocalDate.of(2027, 1, 4))).isFalse();
        assertThat(calendar.uncoveredYears(LocalDate.of(2026, 11, 2), LocalDate.of(2028, 3, 1)))
                .containsExactly(2027, 2028);
        assertThat(calendar.uncoveredYears(LocalDate.of(2021, 9, 1), LocalDate.of(2026, 3, 1)))
                .isEmpty();
        assertThat(new WorkingCalendar(java.util.Set.of(), java.util.Set.of())
                        .uncoveredYears(LocalDate.of(2030, 1, 1), LocalDate.of(2031, 1, 1)))
                .as("a test calendar")
                .isEmpty();
    }
}
