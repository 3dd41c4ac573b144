package cn.qinghai.ledger.events.circular;

import cn.qinghai.ledger.events.task.CircularView;
import java.time.LocalDate;
import java.util.List;

/**
 * An issued circular (通报) as the document reads: number, period, the statistics table as issued
 * ({@code figures}, captured once when the query side first recorded the circular; null while not yet
 * captured), the commendation (表扬) and urging (督促) paragraphs and the distribution (分送), all as issued;
 * {@code corrections} (更正, oldest first; empty when never corrected) give the circular as corrected.
 */
public record IssuedCircularView(
        String circularId,
        String conferenceId,
        String documentNo,
        LocalDate from,
        LocalDate to,
        LocalDate issuedOn,
        List<String> distribution,
        String commendation,
        String urging,
        CircularView figures,
        List<Correction> corrections) {

    /**
     * 更正: the circular as a correction made it read (distribution, texts and figures in full), when and why;
     * the fields above stay the circular as issued.
     */
    public record Correction(
            int correction,
            LocalDate correctedOn,
            String reason,
            List<String> distribution,
            String commendation,
            String urging,
            CircularView figures) {}
}
