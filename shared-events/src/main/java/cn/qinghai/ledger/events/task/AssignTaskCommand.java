package cn.qinghai.ledger.events.task;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Assigns a task to one lead unit (牵头) and co-units (配合), due on {@code dueDate}. */
public record AssignTaskCommand(
        @TargetAggregateIdentifier String taskId,
        String conferenceId,
        String title,
        String leadUnitCode,
        List<String> coUnitCodes,
        LocalDate dueDate,
        TaskSource source,
        LocalDate assignedOn) {}
