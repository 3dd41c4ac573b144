package cn.qinghai.ledger.query.roster;

import cn.qinghai.ledger.events.conference.UnitView;
import cn.qinghai.ledger.query.roster.RosterDocuments.Unit;

/** A member unit's roster document ({@link RosterProjection#UNITS}) read as the unit directory answers it. */
final class UnitViews {

    private UnitViews() {}

    /** The unit as its roster document says: seat, liaison, and the decisions behind it. */
    static UnitView of(Unit d) {
        var m = d.member();
        var l = d.liaison();
        var decisions = d.decisions();
        return new UnitView(
                d.conferenceId(),
                d.unitCode(),
                d.name(),
                d.duties(),
                Boolean.TRUE.equals(d.active()),
                d.addedOn(),
                d.removedOn(),
                m == null ? null : new UnitView.Member(m.personId(), m.name(), m.title(), m.role()),
                l == null ? null : new UnitView.Liaison(l.name(), l.title(), l.phone(), l.since()),
                decisions == null
                        ? new UnitView.Decisions(null, null, null)
                        : new UnitView.Decisions(
                                decisions.unitAdded(), decisions.dutiesUpdated(), decisions.unitRemoved()));
    }
}
