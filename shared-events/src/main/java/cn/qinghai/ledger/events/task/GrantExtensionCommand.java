package cn.qinghai.ledger.events.task;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record GrantExtensionCommand(
        @TargetAggregateIdentifier String taskId, String requestId, String note, LocalDate decidedOn) {}
