package cn.qinghai.ledger.events.circular;

import cn.qinghai.ledger.events.task.CircularView;
import java.time.LocalDate;
import java.util.List;

/**
 * An issued circular (通报) as the document reads: number, period, the statistics table as issued
 * ({@code figures}, captured once when the query side first recorded the circular; null while not yet
 * captured), the commendation (表扬) and urging (督促) paragraphs and the distribution (分送).
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
        CircularView figures) {
}
