package cn.qinghai.ledger.query.roster;

import static cn.qinghai.ledger.query.platform.MongoWrites.applyIfNewer;
import static cn.qinghai.ledger.query.platform.MongoWrites.date;
import static cn.qinghai.ledger.query.platform.MongoWrites.insertOnce;
import static cn.qinghai.ledger.query.roster.RosterProjection.DIRECTORS;
import static cn.qinghai.ledger.query.roster.RosterProjection.LIAISONS;
import static cn.qinghai.ledger.query.roster.RosterProjection.SEATS;
import static cn.qinghai.ledger.query.roster.RosterProjection.UNITS;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import cn.qinghai.ledger.events.conference.LiaisonFiledEvent;
import cn.qinghai.ledger.events.conference.MemberUnitRemovedEvent;
import cn.qinghai.ledger.events.conference.OfficeDirectorAppointedEvent;
import cn.qinghai.ledger.events.conference.OfficeDirectorHandover;
import cn.qinghai.ledger.events.conference.Person;
import cn.qinghai.ledger.events.conference.SeatRole;
import cn.qinghai.ledger.events.conference.SeatSucceededEvent;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import com.mongodb.client.MongoCollection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The roster's terms (seats, the office directorship, liaison posts) as {@link RosterProjection} opens,
 * closes and chains them: a term runs from {@code from} (inclusive) to {@code to} (exclusive, null while
 * current) and is keyed by the event that opened it, so a redelivery opens nothing twice and a term is
 * closed only by a later event.
 */
final class RosterTerms {

    private final ReadModelCollections collections;

    RosterTerms(ReadModelCollections collections) {
        this.collections = collections;
    }

    void openSeat(
            String conferenceId,
            String personId,
            String name,
            String title,
            SeatRole role,
            String unitCode,
            LocalDate from,
            long seq) {
        insertOnce(
                col(SEATS),
                termId(conferenceId, personId, seq),
                new Document()
                        .append("conferenceId", conferenceId)
                        .append("personId", personId)
                        .append("name", name)
                        .append("title", title)
                        .append("role", role.name())
                        .append("unitCode", unitCode)
                        .append("from", date(from))
                        .append("startSeq", seq));
        if (unitCode != null) {
            applyIfNewer(
                    col(UNITS),
                    RosterProjection.unitId(conferenceId, unitCode),
                    seq,
                    set(
                            "member",
                            new Document()
                                    .append("personId", personId)
                                    .append("name", name)
                                    .append("title", title)
                                    .append("role", role.name())));
        }
    }

    /** Ends the current term matching {@code filter}, if it was opened by an earlier event. */
    void closeTerm(String collection, Bson filter, LocalDate to, long seq) {
        col(collection)
                .updateMany(
                        and(filter, eq("to", null), lt("startSeq", seq)),
                        combine(set("to", date(to)), set("endSeq", seq)));
    }

    /** A unit leaves: the seat and directorship of the person it vacates, if any, and its liaison post end. */
    void unitRemoved(MemberUnitRemovedEvent e, long seq) {
        if (e.vacatedPersonId() != null) {
            closeTerm(
                    SEATS,
                    and(eq("conferenceId", e.conferenceId()), eq("personId", e.vacatedPersonId())),
                    e.effectiveOn(),
                    seq);
            closeTerm(
                    DIRECTORS,
                    and(eq("conferenceId", e.conferenceId()), eq("personId", e.vacatedPersonId())),
                    e.effectiveOn(),
                    seq);
        }
        closeTerm(
                LIAISONS,
                and(eq("conferenceId", e.conferenceId()), eq("unitCode", e.unitCode())),
                e.effectiveOn(),
                seq);
    }

    /** A director appointed: the current directorship ends where theirs begins. */
    void appointDirector(OfficeDirectorAppointedEvent e, long seq) {
        closeTerm(DIRECTORS, eq("conferenceId", e.conferenceId()), e.effectiveOn(), seq);
        insertOnce(
                col(DIRECTORS),
                termId(e.conferenceId(), "director", seq),
                new Document()
                        .append("conferenceId", e.conferenceId())
                        .append("personId", e.personId())
                        .append("name", e.name())
                        .append("from", date(e.effectiveOn()))
                        .append("startSeq", seq));
    }

    /**
     * A seat passes from {@code outgoingPersonId} to {@code incoming} on {@code on} (a confirmed member change,
     * or 换届): the outgoing holder's seat term ends, and their directorship too when {@code directorshipEnds};
     * the incoming holder's seat term begins.
     */
    void handOver(
            String conferenceId,
            String outgoingPersonId,
            Person incoming,
            SeatRole role,
            String unitCode,
            LocalDate on,
            boolean directorshipEnds,
            long seq) {
        Bson outgoing = and(eq("conferenceId", conferenceId), eq("personId", outgoingPersonId));
        closeTerm(SEATS, outgoing, on, seq);
        if (directorshipEnds) {
            closeTerm(DIRECTORS, outgoing, on, seq);
        }
        openSeat(conferenceId, incoming.personId(), incoming.name(), incoming.title(), role, unitCode, on, seq);
    }

    /**
     * 换届: the outgoing holder's term ends, the incoming's begins and keeps the decision it rests on; the
     * directorship follows as the event says.
     */
    void succeed(SeatSucceededEvent e, long seq) {
        handOver(
                e.conferenceId(),
                e.outgoingPersonId(),
                e.incoming(),
                e.role(),
                e.unitCode(),
                e.effectiveOn(),
                e.officeDirector() != null,
                seq);
        col(SEATS)
                .updateOne(
                        eq("_id", termId(e.conferenceId(), e.incoming().personId(), seq)),
                        set("decidedBy", RosterDecisions.toDocument(e.decidedBy())));
        if (e.officeDirector() == OfficeDirectorHandover.TO_INCOMING) {
            insertOnce(
                    col(DIRECTORS),
                    termId(e.conferenceId(), "director", seq),
                    new Document()
                            .append("conferenceId", e.conferenceId())
                            .append("personId", e.incoming().personId())
                            .append("name", e.incoming().name())
                            .append("from", date(e.effectiveOn()))
                            .append("startSeq", seq)
                            .append("decidedBy", RosterDecisions.toDocument(e.decidedBy())));
        }
    }

    /**
     * A filing opens a term and the unit's terms are chained again in effective-date order (ties by filing
     * order): each ends where the next begins. The conference refuses filings that would rewrite the past,
     * but a history recorded before that rule can hold them; chaining by date keeps one liaison per unit on
     * every date whatever order the filings came in.
     */
    void fileLiaison(LiaisonFiledEvent e, long seq) {
        insertOnce(
                col(LIAISONS),
                termId(e.conferenceId(), "liaison-" + e.unitCode(), seq),
                new Document()
                        .append("conferenceId", e.conferenceId())
                        .append("unitCode", e.unitCode())
                        .append("name", e.name())
                        .append("title", e.title())
                        .append("phone", e.phone())
                        .append("from", date(e.effectiveOn()))
                        .append("startSeq", seq));
        Document current = chainLiaisonTerms(e.conferenceId(), e.unitCode());
        applyIfNewer(
                col(UNITS),
                RosterProjection.unitId(e.conferenceId(), e.unitCode()),
                seq,
                set(
                        "liaison",
                        new Document()
                                .append("name", current.getString("name"))
                                .append("title", current.getString("title"))
                                .append("phone", current.getString("phone"))
                                .append("since", current.getString("from"))));
    }

    /** Ends each liaison term of the unit where the next (by date, then filing) begins; returns the last. */
    Document chainLiaisonTerms(String conferenceId, String unitCode) {
        List<Document> terms = new ArrayList<>();
        col(LIAISONS)
                .find(and(eq("conferenceId", conferenceId), eq("unitCode", unitCode)))
                .into(terms);
        terms.sort(Comparator.comparing((Document d) -> d.getString("from"))
                .thenComparingLong(d -> d.getLong("startSeq")));
        for (int i = 0; i < terms.size() - 1; i++) {
            Document term = terms.get(i);
            String end = terms.get(i + 1).getString("from");
            if (!end.equals(term.getString("to"))) {
                col(LIAISONS)
                        .updateOne(
                                eq("_id", term.get("_id")),
                                combine(
                                        set("to", end),
                                        set("endSeq", terms.get(i + 1).getLong("startSeq"))));
            }
        }
        return terms.get(terms.size() - 1);
    }

    static String termId(String conferenceId, String key, long seq) {
        return conferenceId + "/" + key + "/" + seq;
    }

    private MongoCollection<Document> col(String name) {
        return collections.get(name);
    }
}
