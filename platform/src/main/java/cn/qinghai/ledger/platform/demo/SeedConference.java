package cn.qinghai.ledger.platform.demo;

import cn.qinghai.ledger.events.conference.SeatRole;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.ClassPathResource;

/**
 * The seed conference: the notice 青政办函〔2021〕138号 transcribed as data
 * ({@code seed/qh-infant-care-2021-138.json}). The command side loads it through the real commands;
 * demo mode also names one user per member unit after it.
 */
public record SeedConference(Conference conference, List<Unit> units, List<Seat> seats, String officeDirectorPersonId) {

    public static final String RESOURCE = "seed/qh-infant-care-2021-138.json";

    public record Conference(
            String conferenceId,
            String name,
            String documentNo,
            List<String> basisDocuments,
            String leadUnitCode,
            LocalDate establishedOn) {}

    public record Unit(String unitCode, String name, List<String> duties) {}

    /**
     * A seat as the notice lists it. {@code titleNote}: why a title is kept as the notice wrote it although
     * it looks wrong (the notice is quoted verbatim; a correction comes from the unit, as a member change).
     */
    public record Seat(String personId, String name, String title, SeatRole role, String unitCode, String titleNote) {}

    public static SeedConference load(ObjectMapper objectMapper) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return objectMapper.readValue(in, SeedConference.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed conference " + RESOURCE, e);
        }
    }
}
