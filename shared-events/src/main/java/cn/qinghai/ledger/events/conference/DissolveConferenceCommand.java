package cn.qinghai.ledger.events.conference;

import cn.qinghai.ledger.events.RuleSource;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Dissolves the conference: from its effective date every further command is refused. */
@RuleSource(
        practice = "the notice does not provide for dissolving the conference and gives the office no such "
                + "power: recorded only with a recorded conference decision")
public record DissolveConferenceCommand(
        @TargetAggregateIdentifier String conferenceId, String reason, LocalDate effectiveOn) {}
