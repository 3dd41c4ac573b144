package cn.qinghai.ledger.query.roster;

import static cn.qinghai.ledger.query.platform.MongoWrites.applyIfNewer;
import static cn.qinghai.ledger.query.roster.RosterDocuments.changes;
import static cn.qinghai.ledger.query.roster.RosterDocuments.conferences;
import static cn.qinghai.ledger.query.roster.RosterDocuments.terms;
import static cn.qinghai.ledger.query.roster.RosterDocuments.units;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import cn.qinghai.ledger.events.conference.*;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelGenerations;
import cn.qinghai.ledger.query.platform.ReadModelOrigin;
import cn.qinghai.ledger.query.platform.ReplayableProjection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The roster read model: conferences, member units (the unit directory) and, with their history, the
 * terms of every seat, of the office directorship and of every liaison post ({@link RosterTerms}), plus
 * member changes ({@link MemberChanges}).
 * A term runs from {@code from} (inclusive) to {@code to} (exclusive, null while current), so the
 * roster on any date is the terms that cover it.
 *
 * <p>Idempotent: terms are keyed by the event that opened them and closed only if opened earlier;
 * conference and unit documents remember the last conference event applied.
 *
 * <p>Replayable without a gap for readers ({@link ReplayableProjection}): the collections are named
 * through {@link ReadModelGenerations}, so a rebuild can fill a fresh generation while this one serves.
 */
@Component
@ProcessingGroup(RosterProjection.GROUP)
public class RosterProjection implements ReplayableProjection {

    public static final String GROUP = "roster";
    static final String CONFERENCES = "roster_conferences";
    static final String UNITS = "roster_units";
    static final String SEATS = "roster_seat_terms";
    static final String DIRECTORS = "roster_director_terms";
    static final String LIAISONS = "roster_liaison_terms";
    static final String CHANGES = "roster_member_changes";
    static final List<String> COLLECTIONS = List.of(
            CONFERENCES,
            UNITS,
            SEATS,
            DIRECTORS,
            LIAISONS,
            CHANGES,
            RosterDocuments.origin().collection());

    private final ReadModelCollections collections;
    private final RosterTerms terms;
    private final MemberChanges changes;
    private final ReadModelOrigin origin = RosterDocuments.origin();

    /** The live roster: the generation that serves readers. */
    @Autowired
    public RosterProjection(ReadModelGenerations generations) {
        this(generations.live(GROUP));
    }

    /** A roster writing into {@code collections} (a generation being rebuilt, or a test's database). */
    public RosterProjection(ReadModelCollections collections) {
        this.collections = collections;
        this.terms = new RosterTerms(collections);
        this.changes = new MemberChanges(collections);
        ensureIndexes();
        origin.recordIfEmpty(collections, CONFERENCES, Instant.now());
    }

    /** A plain roster in {@code db} (generation 1), for tests and fixtures. */
    public RosterProjection(MongoDatabase db) {
        this(ReadModelCollections.plain(db));
    }

    private void ensureIndexes() {
        for (String terms : new String[] {SEATS, DIRECTORS, LIAISONS}) {
            collections.ensureIndexes(terms, Indexes.ascending("conferenceId", "from"));
        }
        collections.ensureIndexes(UNITS, Indexes.ascending("conferenceId", "order"));
    }

    @Override
    public String processingGroup() {
        return GROUP;
    }

    @Override
    public List<String> collections() {
        return COLLECTIONS;
    }

    @Override
    public Object bindTo(ReadModelCollections target) {
        return new RosterProjection(target);
    }

    /** Whether the roster this writes (the live binding follows a switch) is stored as {@link RosterDocuments} says. */
    @Override
    public boolean upToDate() {
        return origin.isCurrent(collections);
    }

    @EventHandler
    void on(ConferenceEstablishedEvent e, @SequenceNumber long seq) {
        applyIfNewer(
                conferences(collections),
                e.conferenceId(),
                seq,
                combine(
                        set("name", e.name()),
                        set("documentNo", e.documentNo()),
                        set("basisDocuments", e.basisDocuments()),
                        set("leadUnitCode", e.leadUnitCode()),
                        set("establishedOn", e.establishedOn()),
                        set("status", ConferenceStatus.ACTIVE)));
    }

    @EventHandler
    void on(MemberUnitAddedEvent e, @SequenceNumber long seq) {
        applyIfNewer(
                units(collections),
                unitId(e.conferenceId(), e.unitCode()),
                seq,
                combine(
                        set("conferenceId", e.conferenceId()),
                        set("unitCode", e.unitCode()),
                        set("name", e.name()),
                        set("duties", e.duties()),
                        set("active", true),
                        set("addedOn", e.effectiveOn()),
                        set("order", seq)));
    }

    @EventHandler
    void on(UnitDutiesUpdatedEvent e, @SequenceNumber long seq) {
        applyIfNewer(units(collections), unitId(e.conferenceId(), e.unitCode()), seq, set("duties", e.duties()));
    }

    @EventHandler
    void on(MemberUnitRemovedEvent e, @SequenceNumber long seq) {
        applyIfNewer(
                units(collections),
                unitId(e.conferenceId(), e.unitCode()),
                seq,
                combine(
                        set("active", false),
                        set("removedOn", e.effectiveOn()),
                        set("removalReason", e.reason()),
                        unset("member"),
                        unset("liaison")));
        terms.unitRemoved(e, seq);
    }

    @EventHandler
    void on(MemberAppointedEvent e, @SequenceNumber long seq) {
        terms.openSeat(
                e.conferenceId(),
                e.personId(),
                e.name(),
                e.title(),
                e.role(),
                e.unitCode(),
                e.effectiveOn(),
                null,
                seq);
    }

    @EventHandler
    void on(OfficeDirectorAppointedEvent e, @SequenceNumber long seq) {
        terms.appointDirector(e, seq);
    }

    @EventHandler
    void on(MemberChangeProposedEvent e, @SequenceNumber long seq) {
        changes.propose(e, seq);
    }

    @EventHandler
    void on(MemberReplacedEvent e, @SequenceNumber long seq) {
        changes.decide(e.conferenceId(), e.changeId(), MemberChangeList.Status.CONFIRMED, null, e.effectiveOn(), seq);
        terms.handOver(
                e.conferenceId(),
                e.outgoingPersonId(),
                e.incoming(),
                e.role(),
                e.unitCode(),
                e.effectiveOn(),
                e.officeDirectorVacated(),
                null,
                seq);
    }

    /** 换届: the outgoing holder's term ends, the incoming's begins ({@link RosterTerms#succeed}). */
    @EventHandler
    void on(SeatSucceededEvent e, @SequenceNumber long seq) {
        terms.succeed(e, seq);
    }

    /**
     * How the conference decided the change recorded by the event just before this one (the conference applies
     * both in one commit, so that event's sequence number is one less): kept on the term or member change it
     * opened or decided. Setting a value twice leaves the same document.
     */
    @EventHandler
    void on(RosterChangeDecidedEvent e, @SequenceNumber long seq) {
        Bson decided = set("decidedBy", e.decidedBy());
        String seat = RosterTerms.termId(e.conferenceId(), e.personId(), seq - 1);
        switch (e.change()) {
            case MEMBER_REPLACED -> {
                changes(collections)
                        .updateOne(eq("_id", MemberChanges.changeId(e.conferenceId(), e.changeId())), decided);
                terms(collections, SEATS).updateOne(eq("_id", seat), decided);
            }
            case MEMBER_APPOINTED -> terms(collections, SEATS).updateOne(eq("_id", seat), decided);
            case OFFICE_DIRECTOR_APPOINTED ->
                terms(collections, DIRECTORS)
                        .updateOne(eq("_id", RosterTerms.termId(e.conferenceId(), "director", seq - 1)), decided);
            case UNIT_ADDED, UNIT_DUTIES_UPDATED, UNIT_REMOVED ->
                units(collections)
                        .updateOne(
                                eq("_id", unitId(e.conferenceId(), e.unitCode())),
                                set(RosterDocuments.Decisions.path(e.change()), e.decidedBy()));
        }
    }

    @EventHandler
    void on(MemberChangeRejectedEvent e, @SequenceNumber long seq) {
        changes.decide(e.conferenceId(), e.changeId(), MemberChangeList.Status.REJECTED, e.reason(), null, seq);
    }

    /** A filing opens a liaison term; the unit shows the liaison in office now ({@link RosterTerms#fileLiaison}). */
    @EventHandler
    void on(LiaisonFiledEvent e, @SequenceNumber long seq) {
        terms.fileLiaison(e, seq);
    }

    @EventHandler
    void on(ConferenceDissolvedEvent e, @SequenceNumber long seq) {
        applyIfNewer(
                conferences(collections),
                e.conferenceId(),
                seq,
                combine(
                        set("status", ConferenceStatus.DISSOLVED),
                        set("dissolvedOn", e.effectiveOn()),
                        set("dissolutionReason", e.reason())));
    }

    @ResetHandler
    void reset() {
        for (String name : COLLECTIONS) {
            collections.get(name).drop();
        }
        ensureIndexes();
        origin.record(collections, Instant.now());
    }

    static String unitId(String conferenceId, String unitCode) {
        return conferenceId + "/" + unitCode;
    }
}
