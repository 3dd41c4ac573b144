package cn.qinghai.ledger.events.circular;

import cn.qinghai.ledger.events.task.CircularView;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 印发通报: the office issues the circular of the period {@code from}–{@code to} (inclusive) under
 * {@code documentNo}, with its commendation (表扬) and urging (督促) paragraphs, to {@code distribution}.
 * {@code figures}: the statistics table the office issues (the ledger's circular of the period as the office
 * saw it when issuing): they become part of the document and of its event.
 */
public record IssueCircularCommand(
        @TargetAggregateIdentifier String circularId,
        String conferenceId,
        LocalDate from,
        LocalDate to,
        String documentNo,
        List<String> distribution,
        String commendation,
        String urging,
        LocalDate issuedOn,
        CircularView figures) {}
