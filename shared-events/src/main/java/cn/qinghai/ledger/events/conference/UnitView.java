package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import java.util.List;

/** A member unit as the directory shows it: duties, the person in its seat and its liaison. */
public record UnitView(
        String conferenceId,
        String unitCode,
        String name,
        List<String> duties,
        boolean active,
        LocalDate addedOn,
        LocalDate removedOn,
        Member member,
        Liaison liaison) {

    public record Member(String personId, String name, String title, SeatRole role) {
    }

    public record Liaison(String name, String title, String phone, LocalDate since) {
    }
}
