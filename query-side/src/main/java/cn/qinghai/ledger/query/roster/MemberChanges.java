package cn.qinghai.ledger.query.roster;

import static cn.qinghai.ledger.query.platform.MongoWrites.applyIfNewer;
import static cn.qinghai.ledger.query.platform.MongoWrites.insertOnce;
import static cn.qinghai.ledger.query.roster.RosterDocuments.changes;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import cn.qinghai.ledger.events.conference.MemberChangeList.Status;
import cn.qinghai.ledger.events.conference.MemberChangeProposedEvent;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.roster.RosterDocuments.MemberChange;
import java.time.LocalDate;

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
        String id = changeId(e.conferenceId(), e.changeId());
        insertOnce(
                changes(collections),
                id,
                new MemberChange(
                        id,
                        e.conferenceId(),
                        e.changeId(),
                        e.unitCode(),
                        e.outgoingPersonId(),
                        e.incoming(),
                        e.reason(),
                        e.proposedOn(),
                        Status.PENDING,
                        null,
                        null,
                        null,
                        seq));
    }

    /** The conference confirmed ({@code on} the date it takes effect) or rejected the change. */
    void decide(String conferenceId, String changeId, Status status, String reason, LocalDate on, long seq) {
        applyIfNewer(
                changes(collections),
                changeId(conferenceId, changeId),
                seq,
                combine(set("status", status), set("decisionReason", reason), set("effectiveOn", on)));
    }

    /** The key of a change's document: its conference and change id, in the form of a term key at sequence 0. */
    static String changeId(String conferenceId, String changeId) {
        return RosterTerms.termId(conferenceId, changeId, 0);
    }
}
