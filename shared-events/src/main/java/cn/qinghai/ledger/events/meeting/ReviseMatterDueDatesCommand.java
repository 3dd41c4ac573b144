package cn.qinghai.ledger.events.meeting;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes the due dates of tasks of an agreed matter while its minutes are a draft. */
public record ReviseMatterDueDatesCommand(
        @TargetAggregateIdentifier String meetingId, String decisionId, List<TaskDueDate> dueDates, String reason) {}
