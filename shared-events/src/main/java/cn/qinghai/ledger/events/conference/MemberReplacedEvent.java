package cn.qinghai.ledger.events.conference;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A confirmed member change: {@code incoming} takes the seat of {@code outgoingPersonId} in the same
 * role for the same unit. If the outgoing person was the office director, that post is now vacant
 * ({@code officeDirectorVacated}).
 */
@ChineseName("成员调整确定")
@Revision("1")
public record MemberReplacedEvent(
        String conferenceId,
        String changeId,
        String unitCode,
        SeatRole role,
        String outgoingPersonId,
        Person incoming,
        LocalDate effectiveOn,
        boolean officeDirectorVacated) {}
