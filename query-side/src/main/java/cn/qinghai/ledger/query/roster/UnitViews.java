package cn.qinghai.ledger.query.roster;

import static cn.qinghai.ledger.query.platform.MongoWrites.date;

import cn.qinghai.ledger.events.conference.SeatRole;
import cn.qinghai.ledger.events.conference.UnitView;
import org.bson.Document;

/** A member unit's roster document ({@link RosterProjection#UNITS}) read as the unit directory answers it. */
final class UnitViews {

    private UnitViews() {}

    /** The unit as its roster document says: seat, liaison, and the decisions behind it. */
    static UnitView of(Document d) {
        Document m = d.get("member", Document.class);
        Document l = d.get("liaison", Document.class);
        return new UnitView(
                d.getString("conferenceId"),
                d.getString("unitCode"),
                d.getString("name"),
                d.getList("duties", String.class),
                d.getBoolean("active", false),
                date(d, "addedOn"),
                date(d, "removedOn"),
                m == null
                        ? null
                        : new UnitView.Member(
                                m.getString("personId"),
                                m.getString("name"),
                                m.getString("title"),
                                SeatRole.valueOf(m.getString("role"))),
                l == null
                        ? null
                        : new UnitView.Liaison(
                                l.getString("name"), l.getString("title"), l.getString("phone"), date(l, "since")),
                decisions(d.get("decisions", Document.class)));
    }

    /** The decisions behind the unit, as the roster projection keeps them by change. */
    private static UnitView.Decisions decisions(Document d) {
        return d == null
                ? new UnitView.Decisions(null, null, null)
                : new UnitView.Decisions(
                        RosterDecisions.of(d.get("UNIT_ADDED", Document.class)),
                        RosterDecisions.of(d.get("UNIT_DUTIES_UPDATED", Document.class)),
                        RosterDecisions.of(d.get("UNIT_REMOVED", Document.class)));
    }
}
