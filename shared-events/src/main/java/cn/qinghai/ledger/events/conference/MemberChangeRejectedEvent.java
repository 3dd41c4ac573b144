package cn.qinghai.ledger.events.conference;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MemberChangeRejectedEvent(
        String conferenceId,
        String changeId,
        String unitCode,
        String reason) {
}
