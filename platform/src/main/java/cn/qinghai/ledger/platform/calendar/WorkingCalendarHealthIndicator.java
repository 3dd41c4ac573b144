package cn.qinghai.ledger.platform.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health {@code workingCalendar}: the years whose holiday arrangement is loaded, each with the State
 * Council notice and its 文号, and the years the conference works in (from its establishment in
 * {@value #FIRST_YEAR} to next year, when deadlines already run) that are not covered. An uncovered
 * year is counted Monday to Friday; health says so in {@code warning} (the service stays UP: the
 * office loads the year's file, see docs/operations.md, rather than stopping the ledger).
 */
@Component // health component "workingCalendar" (the bean name without "HealthIndicator")
class WorkingCalendarHealthIndicator extends AbstractHealthIndicator {

    /** The conference was established by 青政办函〔2021〕138号. */
    static final int FIRST_YEAR = 2021;

    private final CalendarConfiguration.CalendarSources sources;
    private final WorkingCalendar calendar;
    private final Clock clock;

    WorkingCalendarHealthIndicator(
            CalendarConfiguration.CalendarSources sources, WorkingCalendar calendar, Clock clock) {
        this.sources = sources;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, String> notices = new LinkedHashMap<>();
        for (CalendarConfiguration.YearFile year : sources.years()) {
            notices.put(
                    String.valueOf(year.year()),
                    year.source() + (year.documentNumber() == null ? "（文号未核）" : "（" + year.documentNumber() + "）"));
        }
        int nextYear = LocalDate.now(clock).getYear() + 1;
        List<Integer> uncovered = IntStream.rangeClosed(FIRST_YEAR, nextYear)
                .filter(y -> !calendar.covers(LocalDate.of(y, 1, 1)))
                .boxed()
                .toList();
        builder.up()
                .withDetail("coveredYears", calendar.coveredYears())
                .withDetail("notices", notices)
                .withDetail("uncoveredYears", uncovered);
        if (!uncovered.isEmpty()) {
            builder.withDetail(
                    "warning",
                    "no holiday arrangement loaded for " + uncovered
                            + ": working days there are counted Monday to Friday; load the year's file"
                            + " (ledger.calendar.location)");
        }
    }
}
