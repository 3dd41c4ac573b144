package cn.qinghai.ledger.query.roster;

import cn.qinghai.ledger.events.conference.ConferenceStatus;
import cn.qinghai.ledger.events.conference.MemberChangeList;
import cn.qinghai.ledger.events.conference.Person;
import cn.qinghai.ledger.events.conference.RosterChangeDecidedEvent;
import cn.qinghai.ledger.events.conference.RosterDecision;
import cn.qinghai.ledger.events.conference.SeatRole;
import cn.qinghai.ledger.query.platform.ReadModelCodecs;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelOrigin;
import com.mongodb.client.MongoCollection;
import java.time.LocalDate;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * The roster's stored documents, one record per collection, mapped by the driver's record codec
 * ({@link ReadModelCodecs}): days as dates, roles and states as their names, a decision as the events
 * carry it ({@link RosterDecision}). {@code seq} is the sequence number of the last event of the conference
 * applied to the document ({@code MongoWrites.applyIfNewer}); a term instead keeps the events that opened
 * and closed it ({@code startSeq}, {@code endSeq}). Absent values are absent fields, read as null.
 *
 * <p>Their shape is {@link #FORMAT}; a roster stored otherwise is rebuilt ({@link #origin()}). The records are
 * public only because the driver's codec reads their components by reflection; other packages read the roster
 * through its queries ({@link RosterQueries}, {@link UnitDirectory}).
 */
public final class RosterDocuments {

    /**
     * The stored format of the roster: 2 since its documents are these records, days as dates (1: hand-built
     * documents with days as ISO text). Raise it whenever a stored document changes shape.
     */
    static final int FORMAT = 2;

    /**
     * How a roster generation records that it was written in this format: in a collection of its own. A new
     * instance each time: each keeps its own memory of the generations it found current.
     */
    static ReadModelOrigin origin() {
        return ReadModelOrigin.of("roster", "roster_origin", "origin", FORMAT);
    }

    private RosterDocuments() {}

    /** A conference ({@value RosterProjection#CONFERENCES}). */
    public record Conference(
            @BsonId String id,
            String name,
            String documentNo,
            List<String> basisDocuments,
            String leadUnitCode,
            LocalDate establishedOn,
            ConferenceStatus status,
            LocalDate dissolvedOn,
            String dissolutionReason,
            long seq) {}

    /**
     * A member unit ({@value RosterProjection#UNITS}), keyed {@code conference/unit}: its member and liaison in
     * office now, the decisions behind it, and {@code order}, its place in the conference (the sequence number
     * of the event that added it).
     */
    public record Unit(
            @BsonId String id,
            String conferenceId,
            String unitCode,
            String name,
            List<String> duties,
            Boolean active,
            LocalDate addedOn,
            LocalDate removedOn,
            String removalReason,
            Member member,
            Liaison liaison,
            Decisions decisions,
            Long order,
            long seq) {}

    /** The unit's member in office now. */
    public record Member(String personId, String name, String title, SeatRole role) {}

    /** The unit's liaison in office now, since the day their term began. */
    public record Liaison(String name, String title, String phone, LocalDate since) {}

    /** The decisions a unit's addition, change of duties and removal rest on. */
    public record Decisions(RosterDecision unitAdded, RosterDecision dutiesUpdated, RosterDecision unitRemoved) {

        /** The path, in a unit's document, of the decision behind {@code change} (a change of the unit). */
        static String path(RosterChangeDecidedEvent.Change change) {
            return "decisions."
                    + switch (change) {
                        case UNIT_ADDED -> "unitAdded";
                        case UNIT_DUTIES_UPDATED -> "dutiesUpdated";
                        case UNIT_REMOVED -> "unitRemoved";
                        default -> throw new IllegalArgumentException(change + " is not a change of a unit");
                    };
        }
    }

    /**
     * A term ({@value RosterProjection#SEATS}, {@value RosterProjection#DIRECTORS},
     * {@value RosterProjection#LIAISONS}), keyed by the event that opened it: a seat has a person, a role and
     * (a member's) unit; a directorship a person; a liaison post a unit and a phone. It runs {@code from}
     * (inclusive) {@code to} (exclusive, absent while current).
     */
    public record Term(
            @BsonId String id,
            String conferenceId,
            String personId,
            String name,
            String title,
            SeatRole role,
            String unitCode,
            String phone,
            LocalDate from,
            LocalDate to,
            long startSeq,
            Long endSeq,
            RosterDecision decidedBy) {

        static Term opened(
                String id,
                String conferenceId,
                String personId,
                String name,
                String title,
                SeatRole role,
                String unitCode,
                String phone,
                LocalDate from,
                long startSeq,
                RosterDecision decidedBy) {
            return new Term(
                    id,
                    conferenceId,
                    personId,
                    name,
                    title,
                    role,
                    unitCode,
                    phone,
                    from,
                    null,
                    startSeq,
                    null,
                    decidedBy);
        }
    }

    /** A member change ({@value RosterProjection#CHANGES}): proposed, then confirmed or rejected. */
    public record MemberChange(
            @BsonId String id,
            String conferenceId,
            String changeId,
            String unitCode,
            String outgoingPersonId,
            Person incoming,
            String reason,
            LocalDate proposedOn,
            MemberChangeList.Status status,
            String decisionReason,
            LocalDate effectiveOn,
            RosterDecision decidedBy,
            long seq) {}

    static MongoCollection<Conference> conferences(ReadModelCollections collections) {
        return ReadModelCodecs.typed(collections.get(RosterProjection.CONFERENCES), Conference.class);
    }

    static MongoCollection<Unit> units(ReadModelCollections collections) {
        return ReadModelCodecs.typed(collections.get(RosterProjection.UNITS), Unit.class);
    }

    static MongoCollection<Term> terms(ReadModelCollections collections, String which) {
        return ReadModelCodecs.typed(collections.get(which), Term.class);
    }

    static MongoCollection<MemberChange> changes(ReadModelCollections collections) {
        return ReadModelCodecs.typed(collections.get(RosterProjection.CHANGES), MemberChange.class);
    }
}
