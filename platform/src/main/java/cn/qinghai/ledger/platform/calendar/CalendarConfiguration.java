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

    record YearFile(int year, String source, List<LocalDate> holidays, List<LocalDate> adjustedWorkingDays) {
    }

    @Bean
    WorkingCalendar workingCalendar(ObjectMapper objectMapper,
                                    @Value("${ledger.calendar.location:}") String extraLocation) throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        List<Resource> files = new ArrayList<>(List.of(resolver.getResources("classpath*:calendar/*.json")));
        if (!extraLocation.isBlank()) {
            files.addAll(List.of(resolver.getResources(extraLocation)));
        }
        List<LocalDate> holidays = new ArrayList<>();
        List<LocalDate> adjusted = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                YearFile year = objectMapper.readValue(in, YearFile.class);
                years.add(year.year());
                holidays.addAll(year.holidays());
                adjusted.addAll(year.adjustedWorkingDays());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read calendar file " + file, e);
            }
        }
        log.info("working calendar covers the years {} (other years: Monday to Friday)", years);
        return new WorkingCalendar(holidays, adjusted);
    }
}
