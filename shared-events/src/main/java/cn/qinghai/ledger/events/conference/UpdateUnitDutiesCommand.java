package cn.qinghai.ledger.events.conference;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a member unit's duties (职责分工) with a new list, as the conference decided ({@code decidedBy}). */
public record UpdateUnitDutiesCommand(
        @TargetAggregateIdentifier String conferenceId,
        String unitCode,
        List<String> duties,
        RosterDecision decidedBy) {
}
