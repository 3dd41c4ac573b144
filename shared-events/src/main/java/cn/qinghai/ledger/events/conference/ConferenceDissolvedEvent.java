package cn.qinghai.ledger.events.conference;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The conference is dissolved; from now on it refuses every command. */
@ChineseName("联席会议撤销")
@Revision("1")
public record ConferenceDissolvedEvent(String conferenceId, String reason, LocalDate effectiveOn) {}
