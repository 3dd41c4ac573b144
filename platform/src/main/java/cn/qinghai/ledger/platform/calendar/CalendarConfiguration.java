package cn.qinghai.ledger.platform.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The working calendar from year files ({@code {"year", "holidays": [...], "adjustedWorkingDays": [...]}}):
 * those shipped in {@code classpath:calendar/} and any in {@code ledger.calendar.location} (a Spring
 * resource pattern such as {@code file:/etc/ledger/calendar/*.json}) for years the release lacks.
 */
@Configuration(proxyBeanMethods = false)
public class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    /**
     * One year's arrangement as the State Council's notice gives it: its title ({@code source}), its
     * 文号 ({@code documentNumber}, null while not checked against the published notice), the holidays and
     * the adjusted working days.
     */
    public record YearFile(int year, String source, String documentNumber, List<LocalDate> holidays,
                           List<LocalDate> adjustedWorkingDays) {
    }

    @Bean
    WorkingCalendar workingCalendar(CalendarSources sources) {
        List<LocalDate> holidays = new ArrayList<>();
        List<LocalDate> adjusted = new ArrayList<>();
        for (YearFile year : sources.years()) {
            holidays.addAll(year.holidays());
            adjusted.addAll(year.adjustedWorkingDays());
        }
        return new WorkingCalendar(holidays, adjusted, sources.years().stream().map(YearFile::year).toList());
    }

    @Bean
    CalendarSources calendarSources(ObjectMapper objectMapper,
                                    @Value("${ledger.calendar.location:}") String extraLocation) throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        List<Resource> files = new ArrayList<>(List.of(resolver.getResources("classpath*:calendar/*.json")));
        if (!extraLocation.isBlank()) {
            files.addAll(List.of(resolver.getResources(extraLocation)));
        }
        List<YearFile> years = new ArrayList<>();
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                years.add(objectMapper.readValue(in, YearFile.class));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read calendar file " + file, e);
            }
        }
        years.sort(java.util.Comparator.comparingInt(YearFile::year));
        log.info("working calendar covers the years {} (other years: Monday to Friday, shown as not covered)",
                years.stream().map(YearFile::year).toList());
        return new CalendarSources(List.copyOf(years));
    }

    /** The year files loaded, ascending by year: what health shows as the calendar's sources. */
    public record CalendarSources(List<YearFile> years) {
    }
}
