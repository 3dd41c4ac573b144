package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DissolveConferenceCommand(
        @TargetAggregateIdentifier String conferenceId,
        String reason,
        LocalDate effectiveOn) {
}
