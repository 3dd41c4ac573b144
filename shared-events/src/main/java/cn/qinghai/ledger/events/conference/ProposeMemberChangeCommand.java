package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 成员调整由所在单位提出: the unit proposes replacing the person in its seat.
 * {@code proposingUnitCode} is the unit of the user who entered the proposal.
 */
public record ProposeMemberChangeCommand(
        @TargetAggregateIdentifier String conferenceId,
        String changeId,
        String unitCode,
        String outgoingPersonId,
        Person incoming,
        String reason,
        String proposingUnitCode,
        LocalDate proposedOn) {}
