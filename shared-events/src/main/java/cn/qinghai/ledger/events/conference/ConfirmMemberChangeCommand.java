package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 联席会议确定: the office records that the conference confirmed a proposed member change, and how it decided
 * ({@code decidedBy}); the change takes effect on {@code effectiveOn}.
 */
public record ConfirmMemberChangeCommand(
        @TargetAggregateIdentifier String conferenceId,
        String changeId,
        LocalDate effectiveOn,
        RosterDecision decidedBy) {}
