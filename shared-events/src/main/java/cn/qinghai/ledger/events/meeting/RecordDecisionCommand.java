package cn.qinghai.ledger.events.meeting;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 议定事项: an agreed matter, whether it is a major matter (重大事项), and the tasks it gives. */
public record RecordDecisionCommand(
        @TargetAggregateIdentifier String meetingId,
        String decisionId,
        String matter,
        boolean major,
        List<TaskSpec> tasks) {}
