package cn.qinghai.ledger.events.conference;

import cn.qinghai.ledger.events.RuleSource;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a member unit's duties (职责分工) with a new list, as the conference decided ({@code decidedBy}). */
@RuleSource(
        practice = "the notice sets each unit's duties (三、职责分工) and gives the office no power to rewrite "
                + "them: recorded only with a recorded conference decision (decidedBy)")
public record UpdateUnitDutiesCommand(
        @TargetAggregateIdentifier String conferenceId,
        String unitCode,
        List<String> duties,
        RosterDecision decidedBy) {}
