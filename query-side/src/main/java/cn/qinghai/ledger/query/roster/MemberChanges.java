package cn.qinghai.ledger.query.roster;

import static cn.qinghai.ledger.query.platform.MongoWrites.SEQ;
import static cn.qinghai.ledger.query.platform.MongoWrites.applyIfNewer;
import static cn.qinghai.ledger.query.platform.MongoWrites.date;
import static cn.qinghai.ledger.query.platform.MongoWrites.insertOnce;
import static cn.qinghai.ledger.query.roster.RosterProjection.CHANGES;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import cn.qinghai.ledger.events.conference.MemberChangeProposedEvent;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import com.mongodb.client.MongoCollection;
import java.time.LocalDate;
import org.bson.Document;

/**
 * The member changes (成员调整) as {@link RosterProjection} keeps them, one document per change: proposed,
 * then confirmed or rejected by the conference.
 */
final class MemberChanges {

    private final ReadModelCollections collections;

    MemberChanges(ReadModelCollections collections) {
        this.collections = collections;
    }

    /** A proposal opens the change, pending; a redelivered one inserts nothing twice. */
    void propose(MemberChangeProposedEvent e, long seq) {
        insertOnce(
                col(CHANGES),
                changeId(e.conferenceId(), e.changeId()),
                new Document()
                        .append("conferenceId", e.conferenceId())
                        .append("changeId", e.changeId())
                        .append("unitCode", e.unitCode())
                        .append("outgoingPersonId", e.outgoingPersonId())
                        .append(
                                "incoming",
                                new Document("personId", e.incoming().personId())
                                        .append("name", e.incoming().name())
                                        .append("title", e.incoming().title()))
                        .append("reason", e.reason())
                        .append("proposedOn", date(e.proposedOn()))
                        .append("status", "PENDING")
                        .append(SEQ, seq));
    }

    /** The conference confirmed ({@code on} the date it takes effect) or rejected the change. */
    void decide(String conferenceId, String changeId, String status, String reason, LocalDate on, long seq) {
        applyIfNewer(
                col(CHANGES),
                changeId(conferenceId, changeId),
                seq,
                combine(set("status", status), set("decisionReason", reason), set("effectiveOn", date(on))));
    }

    /** The key of a change's document: its conference and change id, in the form of a term key at sequence 0. */
    static String changeId(String conferenceId, String changeId) {
        return RosterTerms.termId(conferenceId, changeId, 0);
    }

    private MongoCollection<Document> col(String name) {
        return collections.get(name);
    }
}
