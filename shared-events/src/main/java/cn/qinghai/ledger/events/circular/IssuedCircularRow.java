package cn.qinghai.ledger.events.circular;

import java.time.LocalDate;

/** An issued circular in a list: its number, period and date of issue. */
public record IssuedCircularRow(
        String circularId,
        String conferenceId,
        String documentNo,
        LocalDate from,
        LocalDate to,
        LocalDate issuedOn) {
}
