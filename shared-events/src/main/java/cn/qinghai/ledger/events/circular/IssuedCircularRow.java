package cn.qinghai.ledger.events.circular;

import java.time.LocalDate;

/** An issued circular in a list: its number, period, date of issue and of its latest correction (null if none). */
public record IssuedCircularRow(
        String circularId,
        String conferenceId,
        String documentNo,
        LocalDate from,
        LocalDate to,
        LocalDate issuedOn,
        LocalDate correctedOn) {}
