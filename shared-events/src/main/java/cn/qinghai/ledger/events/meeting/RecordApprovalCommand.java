package cn.qinghai.ledger.events.meeting;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The answer to a submission: approved or rejected, by whom, under which document, on which day. */
public record RecordApprovalCommand(
        @TargetAggregateIdentifier String meetingId,
        String decisionId,
        boolean approved,
        String approver,
        String documentNo,
        LocalDate decidedOn) {}
