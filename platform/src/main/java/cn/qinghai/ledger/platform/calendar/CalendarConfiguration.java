package cn.qinghai.ledger.platform.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The working calendar from year files ({@code {"year", "source", "documentNumber", "holidays": [...],
 * "adjustedWorkingDays": [...]}}): those shipped in {@code classpath:calendar/} and any in
 * {@code ledger.calendar.location} (a Spring resource pattern such as {@code file:/etc/ledger/calendar/*.json})
 * for years the release lacks (the State Council publishes a year's arrangement late in the year before). A
 * file there replaces the shipped file of its year. Every file is checked at start; a bad one, or a location
 * that finds no file, stops the start with a message naming the file and what is wrong (docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
public class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    /**
     * One year's arrangement as the State Council's notice gives it: its title ({@code source}), its
     * 文号 ({@code documentNumber}, null while not checked against the published notice), the holidays and
     * the adjusted working days.
     */
    public record YearFile(
            int year,
            String source,
            String documentNumber,
            List<LocalDate> holidays,
            List<LocalDate> adjustedWorkingDays) {}

    @Bean
    WorkingCalendar workingCalendar(CalendarSources sources) {
        List<LocalDate> holidays = new ArrayList<>();
        List<LocalDate> adjusted = new ArrayList<>();
        for (YearFile year : sources.years()) {
            holidays.addAll(year.holidays());
            adjusted.addAll(year.adjustedWorkingDays() == null ? List.of() : year.adjustedWorkingDays());
        }
        return new WorkingCalendar(
                holidays, adjusted, sources.years().stream().map(YearFile::year).toList());
    }

    @Bean
    CalendarSources calendarSources(
            ObjectMapper objectMapper, @Value("${ledger.calendar.location:}") String extraLocation) throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        Map<Integer, YearFile> years = new TreeMap<>();
        for (Resource file : resolver.getResources("classpath*:calendar/*.json")) {
            YearFile year = read(objectMapper, file, false);
            years.put(year.year(), year);
        }
        if (!extraLocation.isBlank()) {
            Resource[] files;
            try {
                files = resolver.getResources(extraLocation.strip());
            } catch (IOException | RuntimeException e) {
                throw new InvalidCalendarException(
                        "ledger.calendar.location=" + extraLocation + " cannot be read: " + e.getMessage());
            }
            List<Resource> existing = Stream.of(files).filter(Resource::exists).toList();
            if (existing.isEmpty()) {
                throw new InvalidCalendarException("ledger.calendar.location=" + extraLocation + " matches no file; "
                        + "give a pattern such as file:/etc/ledger/calendar/*.json that finds the year files, or "
                        + "leave the setting empty");
            }
            Map<Integer, Resource> added = new HashMap<>();
            for (Resource file : existing) {
                YearFile year = read(objectMapper, file, true);
                Resource twice = added.put(year.year(), file);
                if (twice != null) {
                    throw new InvalidCalendarException("the working calendar files " + twice.getDescription()
                            + " and " + file.getDescription() + " both give the year " + year.year()
                            + "; keep one file per year");
                }
                if (years.containsKey(year.year())) {
                    log.info(
                            "working calendar {} from {} replaces the year shipped with the release",
                            year.year(),
                            file.getDescription());
                }
                years.put(year.year(), year);
            }
        }
        List<YearFile> loaded = List.copyOf(years.values());
        log.info(
                "working calendar covers the years {} (other years: Monday to Friday, shown as not covered)",
                loaded.stream().map(YearFile::year).toList());
        return new CalendarSources(loaded);
    }

    /** One year file, read and checked; a bad file stops the start with what is wrong and where. */
    static YearFile read(ObjectMapper objectMapper, Resource file, boolean operatorFile) {
        YearFile year;
        try (InputStream in = file.getInputStream()) {
            year = objectMapper.readValue(in, YearFile.class);
        } catch (IOException e) {
            throw new InvalidCalendarException("the working calendar file " + file.getDescription()
                    + " is not a year file ({\"year\", \"source\", \"documentNumber\", \"holidays\": [...], "
                    + "\"adjustedWorkingDays\": [...]}): " + e.getMessage());
        }
        String problem = problem(year, operatorFile);
        if (problem != null) {
            throw new InvalidCalendarException("the working calendar file " + file.getDescription() + ": " + problem);
        }
        return year;
    }

    /**
     * What is wrong with a year file, null if nothing: a year, the notice's title, for a file the operator adds
     * its 文号 too, at least one holiday, every date in that year and given once, no day both a holiday and a
     * working day, and adjusted working days (调休) on Saturdays and Sundays only.
     */
    static String problem(YearFile year, boolean operatorFile) {
        if (year == null || year.year() < 2000 || year.year() > 2100) {
            return "\"year\" is missing or not a year (2000–2100)";
        }
        if (year.source() == null || year.source().isBlank()) {
            return "\"source\" is missing: name the State Council's notice (国务院办公厅关于" + year.year() + "年部分节假日安排的通知)";
        }
        if (operatorFile
                && (year.documentNumber() == null || year.documentNumber().isBlank())) {
            return "\"documentNumber\" is missing: give the notice's 文号 (e.g. 国办发明电〔" + (year.year() - 1)
                    + "〕…号), so that health shows which notice the year follows";
        }
        List<LocalDate> holidays = year.holidays() == null ? List.of() : year.holidays();
        List<LocalDate> adjusted = year.adjustedWorkingDays() == null ? List.of() : year.adjustedWorkingDays();
        if (holidays.isEmpty()) {
            return "\"holidays\" is empty: every year has public holidays (元旦 at least)";
        }
        Set<LocalDate> seen = new HashSet<>();
        for (LocalDate day : Stream.concat(holidays.stream(), adjusted.stream()).toList()) {
            if (day == null || day.getYear() != year.year()) {
                return "the date " + day + " is not in " + year.year();
            }
            if (!seen.add(day)) {
                return "the date " + day + " is given twice (or is both a holiday and an adjusted working day)";
            }
        }
        for (LocalDate day : adjusted) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                return "the adjusted working day (调休) " + day + " is a " + day.getDayOfWeek()
                        + "; adjusted working days are weekend days worked";
            }
        }
        return null;
    }

    /** A working calendar file or setting the service cannot start with; the message says what to fix. */
    public static final class InvalidCalendarException extends IllegalStateException {
        InvalidCalendarException(String message) {
            super(message);
        }
    }

    /** The year files loaded, ascending by year: what health shows as the calendar's sources. */
    public record CalendarSources(List<YearFile> years) {}
}
