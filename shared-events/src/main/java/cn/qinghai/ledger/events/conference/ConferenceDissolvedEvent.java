package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The conference is dissolved; from now on it refuses every command. */
@Revision("1")
public record ConferenceDissolvedEvent(String conferenceId, String reason, LocalDate effectiveOn) {
}
