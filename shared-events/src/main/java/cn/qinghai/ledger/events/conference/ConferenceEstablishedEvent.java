package cn.qinghai.ledger.events.conference;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The conference exists; {@code leadUnitCode} is the unit hosting its office (办公室设在). */
@ChineseName("联席会议设立")
@Revision("1")
public record ConferenceEstablishedEvent(
        String conferenceId,
        String name,
        String documentNo,
        List<String> basisDocuments,
        String leadUnitCode,
        LocalDate establishedOn) {}
