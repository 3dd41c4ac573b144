package cn.qinghai.ledger.events.reporting;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 增列应报单位: the office adds a member unit (one that joined later, say) to an open round. */
public record AddExpectedUnitCommand(
        @TargetAggregateIdentifier String roundId, String unitCode, LocalDate addedOn) {}
