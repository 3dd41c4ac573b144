package cn.qinghai.ledger.events.task;

import java.time.OffsetDateTime;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A unit (the lead or a co-unit) reports its own progress on the task. */
public record ReportProgressCommand(
        @TargetAggregateIdentifier String taskId,
        String unitCode,
        int percentComplete,
        String summary,
        OffsetDateTime reportedAt) {}
