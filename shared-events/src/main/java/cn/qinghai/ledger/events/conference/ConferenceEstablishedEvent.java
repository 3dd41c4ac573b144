package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The conference exists; {@code leadUnitCode} is the unit hosting its office (办公室设在). */
@Revision("1")
public record ConferenceEstablishedEvent(
        String conferenceId,
        String name,
        String documentNo,
        List<String> basisDocuments,
        String leadUnitCode,
        LocalDate establishedOn) {
}
