package cn.qinghai.ledger.events.meeting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Issued minutes never change: a correction opens the next version, to be signed and issued anew. */
public record OpenMinutesCorrectionCommand(
        @TargetAggregateIdentifier String meetingId, String reason) {}
