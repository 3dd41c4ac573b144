package cn.qinghai.ledger.events.circular;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 印发通报: the office issues the circular of the period {@code from}–{@code to} (inclusive) under
 * {@code documentNo}, with its commendation (表扬) and urging (督促) paragraphs, to {@code distribution}.
 * It carries no figures: they are the circular's statistics of the period when the circular is issued.
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
        LocalDate issuedOn) {
}
