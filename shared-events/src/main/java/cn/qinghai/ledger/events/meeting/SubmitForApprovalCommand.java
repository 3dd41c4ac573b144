package cn.qinghai.ledger.events.meeting;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 重大事项按程序报批: a major matter goes up for approval, to {@code submittedTo}, under a document. */
public record SubmitForApprovalCommand(
        @TargetAggregateIdentifier String meetingId,
        String decisionId,
        String submittedTo,
        String documentNo,
        LocalDate submittedOn) {}
