package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 增加成员单位, with the unit's duties (职责分工) as written, as the conference decided ({@code decidedBy}). */
public record AddMemberUnitCommand(
        @TargetAggregateIdentifier String conferenceId,
        String unitCode,
        String name,
        List<String> duties,
        LocalDate effectiveOn,
        RosterDecision decidedBy) {}
