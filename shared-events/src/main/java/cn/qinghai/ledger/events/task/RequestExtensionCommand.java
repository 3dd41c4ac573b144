package cn.qinghai.ledger.events.task;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The lead unit asks, before the due date and with a reason, for a later due date. */
public record RequestExtensionCommand(
        @TargetAggregateIdentifier String taskId,
        String requestId,
        String unitCode,
        LocalDate newDueDate,
        String reason,
        LocalDate requestedOn) {}
