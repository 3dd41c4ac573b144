package cn.qinghai.ledger.query.roster;

import static cn.qinghai.ledger.query.platform.MongoWrites.date;

import cn.qinghai.ledger.events.conference.RosterDecision;
import org.bson.Document;

/** The decision (会议决定, 批示 …) a roster change rests on, as the roster's documents keep it. */
final class RosterDecisions {

    private RosterDecisions() {}

    static Document toDocument(RosterDecision d) {
        if (d == null) {
            return null;
        }
        return new Document("kind", d.kind() == null ? null : d.kind().name())
                .append("meetingId", d.meetingId())
                .append("decisionId", d.decisionId())
                .append("reference", d.reference())
                .append("decidedOn", date(d.decidedOn()));
    }

    static RosterDecision of(Document d) {
        if (d == null) {
            return null;
        }
        return new RosterDecision(
                d.getString("kind") == null ? null : RosterDecision.Kind.valueOf(d.getString("kind")),
                d.getString("meetingId"),
                d.getString("decisionId"),
                d.getString("reference"),
                date(d, "decidedOn"));
    }
}
