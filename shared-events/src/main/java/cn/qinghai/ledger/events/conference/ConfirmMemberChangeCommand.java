package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 联席会议确定: the conference confirms a proposed member change; it takes effect then. */
public record ConfirmMemberChangeCommand(
        @TargetAggregateIdentifier String conferenceId,
        String changeId,
        LocalDate effectiveOn) {
}
