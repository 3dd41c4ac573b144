package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import java.util.List;

/**
 * A member unit as the directory shows it: duties, the person in its seat and its liaison, and the
 * conference's decisions behind it (决定依据).
 */
public record UnitView(
        String conferenceId,
        String unitCode,
        String name,
        List<String> duties,
        boolean active,
        LocalDate addedOn,
        LocalDate removedOn,
        Member member,
        Liaison liaison,
        Decisions decisions) {

    public record Member(String personId, String name, String title, SeatRole role) {}

    public record Liaison(String name, String title, String phone, LocalDate since) {}

    /**
     * 决定依据: how the conference decided to add the unit, to give it its present duties (the latest change
     * of its duties; null while they are those it was added with) and to remove it (null while it is a
     * member). Each is null too where the change was stored without its decision.
     */
    public record Decisions(RosterDecision unitAdded, RosterDecision dutiesUpdated, RosterDecision unitRemoved) {}
}
