package cn.qinghai.ledger.events.meeting;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 印发有关部门和地区: issues the signed minutes under a document number to a distribution list. */
public record IssueMinutesCommand(
        @TargetAggregateIdentifier String meetingId,
        String documentNo,
        List<String> distribution,
        LocalDate issuedOn) {}
