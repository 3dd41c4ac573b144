package cn.qinghai.ledger.events.circular;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A circular (通报) of the period {@code from}–{@code to} is issued under {@code documentNo} (in its normal
 * form) to {@code distribution}, with its commendation (表扬) and urging (督促) text. Issued circulars do not
 * change.
 */
@ChineseName("通报印发")
@Revision("1")
public record CircularIssuedEvent(
        String circularId,
        String conferenceId,
        LocalDate from,
        LocalDate to,
        String documentNo,
        List<String> distribution,
        String commendation,
        String urging,
        LocalDate issuedOn) {
}
