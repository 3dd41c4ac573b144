package cn.qinghai.ledger.events.reporting;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 结束报送: the office closes the round; later submissions are refused. */
public record CloseReportingRoundCommand(
        @TargetAggregateIdentifier String roundId, LocalDate closedOn) {}
