package cn.qinghai.ledger.query.roster;

import static cn.qinghai.ledger.query.platform.MongoWrites.applyIfNewer;
import static cn.qinghai.ledger.query.platform.MongoWrites.insertOnce;
import static cn.qinghai.ledger.query.roster.RosterDocuments.terms;
import static cn.qinghai.ledger.query.roster.RosterDocuments.units;
import static cn.qinghai.ledger.query.roster.RosterProjection.DIRECTORS;
import static cn.qinghai.ledger.query.roster.RosterProjection.LIAISONS;
import static cn.qinghai.ledger.query.roster.RosterProjection.SEATS;
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
import cn.qinghai.ledger.events.conference.RosterDecision;
import cn.qinghai.ledger.events.conference.SeatRole;
import cn.qinghai.ledger.events.conference.SeatSucceededEvent;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.roster.RosterDocuments.Liaison;
import cn.qinghai.ledger.query.roster.RosterDocuments.Member;
import cn.qinghai.ledger.query.roster.RosterDocuments.Term;
import com.mongodb.client.MongoCollection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
            RosterDecision decidedBy,
            long seq) {
        String id = termId(conferenceId, personId, seq);
        insertOnce(
                terms(collections, SEATS),
                id,
                Term.opened(id, conferenceId, personId, name, title, role, unitCode, null, from, seq, decidedBy));
        if (unitCode != null) {
            applyIfNewer(
                    units(collections),
                    RosterProjection.unitId(conferenceId, unitCode),
                    seq,
                    set("member", new Member(personId, name, title, role)));
        }
    }

    /** Ends the current term matching {@code filter}, if it was opened by an earlier event. */
    void closeTerm(String collection, Bson filter, LocalDate to, long seq) {
        terms(collections, collection)
                .updateMany(
                        and(filter, eq("to", null), lt("startSeq", seq)), combine(set("to", to), set("endSeq", seq)));
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
        openDirectorship(e.conferenceId(), e.personId(), e.name(), e.effectiveOn(), null, seq);
    }

    private void openDirectorship(
            String conferenceId, String personId, String name, LocalDate from, RosterDecision decidedBy, long seq) {
        String id = termId(conferenceId, "director", seq);
        insertOnce(
                terms(collections, DIRECTORS),
                id,
                Term.opened(id, conferenceId, personId, name, null, null, null, null, from, seq, decidedBy));
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
            RosterDecision decidedBy,
            long seq) {
        Bson outgoing = and(eq("conferenceId", conferenceId), eq("personId", outgoingPersonId));
        closeTerm(SEATS, outgoing, on, seq);
        if (directorshipEnds) {
            closeTerm(DIRECTORS, outgoing, on, seq);
        }
        openSeat(
                conferenceId,
                incoming.personId(),
                incoming.name(),
                incoming.title(),
                role,
                unitCode,
                on,
                decidedBy,
                seq);
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
                e.decidedBy(),
                seq);
        if (e.officeDirector() == OfficeDirectorHandover.TO_INCOMING) {
            openDirectorship(
                    e.conferenceId(),
                    e.incoming().personId(),
                    e.incoming().name(),
                    e.effectiveOn(),
                    e.decidedBy(),
                    seq);
        }
    }

    /**
     * A filing opens a term and the unit's terms are chained again in effective-date order (ties by filing
     * order): each ends where the next begins. The conference refuses filings that would rewrite the past,
     * but a history recorded before that rule can hold them; chaining by date keeps one liaison per unit on
     * every date whatever order the filings came in.
     */
    void fileLiaison(LiaisonFiledEvent e, long seq) {
        String id = termId(e.conferenceId(), "liaison-" + e.unitCode(), seq);
        insertOnce(
                terms(collections, LIAISONS),
                id,
                Term.opened(
                        id,
                        e.conferenceId(),
                        null,
                        e.name(),
                        e.title(),
                        null,
                        e.unitCode(),
                        e.phone(),
                        e.effectiveOn(),
                        seq,
                        null));
        Term current = chainLiaisonTerms(e.conferenceId(), e.unitCode());
        applyIfNewer(
                units(collections),
                RosterProjection.unitId(e.conferenceId(), e.unitCode()),
                seq,
                set("liaison", new Liaison(current.name(), current.title(), current.phone(), current.from())));
    }

    /** Ends each liaison term of the unit where the next (by date, then filing) begins; returns the last. */
    Term chainLiaisonTerms(String conferenceId, String unitCode) {
        MongoCollection<Term> liaisons = terms(collections, LIAISONS);
        List<Term> terms = liaisons.find(and(eq("conferenceId", conferenceId), eq("unitCode", unitCode)))
                .into(new ArrayList<>());
        terms.sort(Comparator.comparing(Term::from).thenComparingLong(Term::startSeq));
        for (int i = 0; i < terms.size() - 1; i++) {
            Term term = terms.get(i);
            Term next = terms.get(i + 1);
            if (!next.from().equals(term.to())) {
                liaisons.updateOne(
                        eq("_id", term.id()), combine(set("to", next.from()), set("endSeq", next.startSeq())));
            }
        }
        return terms.get(terms.size() - 1);
    }

    static String termId(String conferenceId, String key, long seq) {
        return conferenceId + "/" + key + "/" + seq;
    }
}
