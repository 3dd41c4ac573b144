package cn.qinghai.ledger.events.meeting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Signed minutes not yet issued go back to the draft, to be changed and signed again (退回修改、重新签发). */
public record ReturnMinutesForRevisionCommand(
        @TargetAggregateIdentifier String meetingId, String reason) {}
