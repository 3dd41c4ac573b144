package cn.qinghai.ledger.events.task;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DenyExtensionCommand(
        @TargetAggregateIdentifier String taskId, String requestId, String reason, LocalDate decidedOn) {}
