package cn.qinghai.ledger.events.reporting;

import java.time.OffsetDateTime;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 报送工作情况: unit {@code unitCode} submits its report for the round: the text, and optionally the reference
 * of the document it sent ({@code documentRef}, a 文号 or file name).
 */
public record SubmitWorkReportCommand(
        @TargetAggregateIdentifier String roundId,
        String unitCode,
        String text,
        String documentRef,
        OffsetDateTime submittedAt) {}
