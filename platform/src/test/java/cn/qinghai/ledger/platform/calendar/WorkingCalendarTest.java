package cn.qinghai.ledger.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    final WorkingCalendar calendar;

    WorkingCalendarTest() throws Exception {
        calendar = new CalendarConfiguration().workingCalendar(
                new ObjectMapper().registerModule(new JavaTimeModule()), "");
    }

    @Test
    void weekendsAndPublicHolidaysAreNotWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 27))).isTrue();   // Friday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse();  // Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();   // 国庆节
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();   // 春节 (Monday)
    }

    @Test
    void adjustedWorkingDaysAreWorkedAlthoughOnAWeekend() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();   // Saturday, 调休
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 28))).isTrue();    // Sunday, 调休
    }

    @Test
    void addingWorkingDaysSkipsTheGoldenWeek() {
        // Tuesday 29 Sep 2026 + 3 working days: 30 Sep, then 1–7 Oct are holidays, 8 Oct, 9 Oct.
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 29), 3)).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 29), LocalDate.of(2026, 10, 9))).isEqualTo(3);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 10, 9), LocalDate.of(2026, 9, 29))).isEqualTo(-3);
    }

    @Test
    void yearsWithoutDataCountWeekdays() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2031, 1, 3), 1)).isEqualTo(LocalDate.of(2031, 1, 6));
    }
}
