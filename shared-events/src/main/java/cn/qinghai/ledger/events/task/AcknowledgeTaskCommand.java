package cn.qinghai.ledger.events.task;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The lead unit acknowledges receipt of the task (签收). */
public record AcknowledgeTaskCommand(
        @TargetAggregateIdentifier String taskId, String unitCode, LocalDate acknowledgedOn) {}
