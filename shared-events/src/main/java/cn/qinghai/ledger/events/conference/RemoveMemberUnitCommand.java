package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 减少成员单位 (联席会议可根据工作需要增减成员单位), as the conference decided ({@code decidedBy}). */
public record RemoveMemberUnitCommand(
        @TargetAggregateIdentifier String conferenceId,
        String unitCode,
        String reason,
        LocalDate effectiveOn,
        RosterDecision decidedBy) {}
