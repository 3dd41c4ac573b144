package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MemberChangeProposedEvent(
        String conferenceId,
        String changeId,
        String unitCode,
        String outgoingPersonId,
        Person incoming,
        String reason,
        LocalDate proposedOn) {
}
