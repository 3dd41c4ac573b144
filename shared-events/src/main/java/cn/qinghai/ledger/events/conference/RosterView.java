package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import java.util.List;

/** The roster on one date: seats (convener first), the office director and the liaisons. */
public record RosterView(
        String conferenceId, LocalDate asOf, List<Seat> seats, Director officeDirector, List<Liaison> liaisons) {

    /**
     * A seat held from {@code from} (inclusive) until {@code to} (exclusive; null while held); {@code decidedBy}
     * is how the conference decided the seating, null when none is on record.
     */
    public record Seat(
            String personId,
            String name,
            String title,
            SeatRole role,
            String unitCode,
            String unitName,
            LocalDate from,
            LocalDate to,
            RosterDecision decidedBy) {}

    public record Director(String personId, String name, LocalDate from, LocalDate to, RosterDecision decidedBy) {}

    public record Liaison(
            String unitCode, String unitName, String name, String title, String phone, LocalDate from, LocalDate to) {}
}
