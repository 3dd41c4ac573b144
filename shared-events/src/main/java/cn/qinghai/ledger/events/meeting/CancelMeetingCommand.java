package cn.qinghai.ledger.events.meeting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelMeetingCommand(
        @TargetAggregateIdentifier String meetingId, String reason) {}
