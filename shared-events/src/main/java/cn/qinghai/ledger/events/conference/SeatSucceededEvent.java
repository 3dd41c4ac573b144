package cn.qinghai.ledger.events.conference;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * 换届: the convener's or a deputy convener's seat passes to {@code incoming} in the same role (and for the
 * same unit, if the seat represents one), as the conference decided. If the outgoing holder was the office
 * director, {@code officeDirector} says what became of that post; it is null otherwise.
 */
@ChineseName("召集人席位更替")
@Revision("1")
public record SeatSucceededEvent(
        String conferenceId,
        SeatRole role,
        String unitCode,
        String outgoingPersonId,
        Person incoming,
        LocalDate effectiveOn,
        OfficeDirectorHandover officeDirector,
        RosterDecision decidedBy) {}
