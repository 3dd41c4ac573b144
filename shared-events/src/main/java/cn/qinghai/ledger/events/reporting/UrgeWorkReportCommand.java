package cn.qinghai.ledger.events.reporting;

import java.time.OffsetDateTime;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 催报: the office urges unit {@code unitCode}, which has not reported, with {@code message}. */
public record UrgeWorkReportCommand(
        @TargetAggregateIdentifier String roundId, String unitCode, String message, OffsetDateTime urgedAt) {}
