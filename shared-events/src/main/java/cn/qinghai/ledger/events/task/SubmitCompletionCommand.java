package cn.qinghai.ledger.events.task;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The lead unit reports the task done, with a summary and evidence (documents, links, descriptions). */
public record SubmitCompletionCommand(
        @TargetAggregateIdentifier String taskId,
        String unitCode,
        String summary,
        List<String> evidence,
        LocalDate submittedOn) {}
