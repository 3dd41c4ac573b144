package cn.qinghai.ledger.query.roster;

import static cn.qinghai.ledger.query.roster.RosterDocuments.changes;
import static cn.qinghai.ledger.query.roster.RosterDocuments.conferences;
import static cn.qinghai.ledger.query.roster.RosterDocuments.terms;
import static cn.qinghai.ledger.query.roster.RosterDocuments.units;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import cn.qinghai.ledger.events.conference.*;
import cn.qinghai.ledger.query.platform.MongoWrites;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelGenerations;
import cn.qinghai.ledger.query.platform.ReadModelOrigin;
import cn.qinghai.ledger.query.roster.RosterDocuments.Conference;
import cn.qinghai.ledger.query.roster.RosterDocuments.MemberChange;
import cn.qinghai.ledger.query.roster.RosterDocuments.Term;
import cn.qinghai.ledger.query.roster.RosterDocuments.Unit;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The query handlers of the roster read model (see {@link RosterProjection}), reading whichever
 * generation of it serves readers.
 */
@Component
public class RosterQueries {

    private final ReadModelCollections collections;
    private final ReadModelOrigin origin = RosterDocuments.origin();

    @Autowired
    public RosterQueries(ReadModelGenerations generations) {
        this(generations.live(RosterProjection.GROUP));
    }

    public RosterQueries(ReadModelCollections collections) {
        this.collections = collections;
    }

    /** Queries of a plain roster in {@code db} (generation 1), for tests. */
    public RosterQueries(MongoDatabase db) {
        this(ReadModelCollections.plain(db));
    }

    @QueryHandler
    public ConferenceList handle(FindConferencesQuery query) {
        MongoCollection<Conference> conferences = conferences(current());
        List<ConferenceSummary> items = new ArrayList<>();
        for (Conference c : conferences
                .find()
                .sort(Sorts.ascending("establishedOn", "_id"))
                .skip(query.page() * query.size())
                .limit(query.size())) {
            items.add(new ConferenceSummary(c.id(), c.name(), c.documentNo(), c.establishedOn(), c.status()));
        }
        return new ConferenceList(items, conferences.countDocuments());
    }

    @QueryHandler
    public Optional<ConferenceOverview> handle(FindConferenceQuery query) {
        ReadModelCollections roster = current();
        String cid = query.conferenceId();
        Conference c = conferences(roster).find(eq("_id", cid)).first();
        if (c == null) {
            return Optional.empty();
        }
        Unit hostUnit = units(roster)
                .find(eq("_id", RosterProjection.unitId(cid, c.leadUnitCode())))
                .first();
        Term director = terms(roster, RosterProjection.DIRECTORS)
                .find(and(eq("conferenceId", cid), eq("to", null)))
                .first();
        var office = new ConferenceOverview.Office(
                c.leadUnitCode(),
                hostUnit == null ? null : hostUnit.name(),
                director == null ? null : director.personId(),
                director == null ? null : director.name());
        Bson current = and(eq("conferenceId", cid), eq("to", null));
        var counts = new ConferenceOverview.Counts(
                (int) units(roster).countDocuments(and(eq("conferenceId", cid), eq("active", true))),
                (int) terms(roster, RosterProjection.SEATS).countDocuments(current),
                (int) terms(roster, RosterProjection.LIAISONS).countDocuments(current),
                (int) changes(roster)
                        .countDocuments(and(eq("conferenceId", cid), eq("status", MemberChangeList.Status.PENDING))));
        return Optional.of(new ConferenceOverview(
                cid,
                c.name(),
                c.documentNo(),
                c.basisDocuments(),
                c.establishedOn(),
                c.status(),
                c.dissolvedOn(),
                office,
                counts));
    }

    @QueryHandler
    public Optional<RosterView> handle(FindRosterQuery query) {
        ReadModelCollections roster = current();
        String cid = query.conferenceId();
        if (conferences(roster).find(eq("_id", cid)).first() == null) {
            return Optional.empty();
        }
        Bson onDate = onDate(cid, query.asOf());
        Map<String, Unit> units = unitsByCode(roster, cid);
        List<RosterView.Seat> seats = new ArrayList<>();
        for (Term t : terms(roster, RosterProjection.SEATS).find(onDate).sort(Sorts.ascending("startSeq"))) {
            Unit unit = t.unitCode() == null ? null : units.get(t.unitCode());
            seats.add(new RosterView.Seat(
                    t.personId(),
                    t.name(),
                    t.title(),
                    t.role(),
                    t.unitCode(),
                    unit == null ? null : unit.name(),
                    t.from(),
                    t.to(),
                    t.decidedBy()));
        }
        // The notice's order: convener, deputy conveners, then the members in the order of their units, so a
        // member who succeeds another takes the unit's place rather than the end of the list.
        seats.sort(Comparator.comparing(RosterView.Seat::role)
                .thenComparing(seat -> seat.unitCode() == null ? Long.MIN_VALUE : order(units.get(seat.unitCode()))));
        Term director = terms(roster, RosterProjection.DIRECTORS).find(onDate).first();
        List<RosterView.Liaison> liaisons = new ArrayList<>();
        for (Term t : terms(roster, RosterProjection.LIAISONS).find(onDate).sort(Sorts.ascending("startSeq"))) {
            Unit unit = units.get(t.unitCode());
            liaisons.add(new RosterView.Liaison(
                    t.unitCode(), unit == null ? null : unit.name(), t.name(), t.title(), t.phone(), t.from(), t.to()));
        }
        liaisons.sort(Comparator.comparing(liaison -> order(units.get(liaison.unitCode()))));
        return Optional.of(new RosterView(
                cid,
                query.asOf(),
                seats,
                director == null
                        ? null
                        : new RosterView.Director(
                                director.personId(),
                                director.name(),
                                director.from(),
                                director.to(),
                                director.decidedBy()),
                liaisons));
    }

    @QueryHandler
    public UnitList handle(FindUnitsQuery query) {
        List<Bson> filters = new ArrayList<>();
        if (query.conferenceId() != null) {
            filters.add(eq("conferenceId", query.conferenceId()));
        }
        if (!query.includeRemoved()) {
            filters.add(eq("active", true));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        List<UnitView> items = new ArrayList<>();
        for (Unit unit : units(current()).find(filter).sort(Sorts.ascending("conferenceId", "order"))) {
            items.add(UnitViews.of(unit));
        }
        return new UnitList(items, items.size());
    }

    @QueryHandler
    public Optional<UnitView> handle(FindUnitQuery query) {
        Bson filter = query.conferenceId() == null
                ? eq("unitCode", query.unitCode())
                : eq("_id", RosterProjection.unitId(query.conferenceId(), query.unitCode()));
        // A code used by several conferences without a conferenceId: the first conference's unit.
        Unit found = units(current())
                .find(filter)
                .sort(Sorts.ascending("conferenceId"))
                .first();
        return Optional.ofNullable(found).map(UnitViews::of);
    }

    /** Member changes newest first, with the outgoing member's name from the seat they held. */
    @QueryHandler
    public MemberChangeList handle(FindMemberChangesQuery query) {
        ReadModelCollections roster = current();
        String cid = query.conferenceId();
        List<Bson> filters = new ArrayList<>(List.of(eq("conferenceId", cid)));
        if (query.status() != null) {
            filters.add(eq("status", query.status()));
        }
        if (query.unitCode() != null) {
            filters.add(eq("unitCode", query.unitCode()));
        }
        Map<String, Unit> units = unitsByCode(roster, cid);
        List<MemberChangeList.MemberChange> items = new ArrayList<>();
        for (MemberChange c :
                changes(roster).find(and(filters)).sort(Sorts.descending("proposedOn", MongoWrites.SEQ))) {
            Term outgoing = terms(roster, RosterProjection.SEATS)
                    .find(and(eq("conferenceId", cid), eq("personId", c.outgoingPersonId())))
                    .first();
            Unit unit = units.get(c.unitCode());
            items.add(new MemberChangeList.MemberChange(
                    cid,
                    c.changeId(),
                    c.unitCode(),
                    unit == null ? null : unit.name(),
                    c.outgoingPersonId(),
                    outgoing == null ? null : outgoing.name(),
                    c.incoming(),
                    c.reason(),
                    c.proposedOn(),
                    c.status(),
                    c.decisionReason(),
                    c.effectiveOn(),
                    c.decidedBy()));
        }
        return new MemberChangeList(items, items.size());
    }

    /** The units of one conference by code. */
    private static Map<String, Unit> unitsByCode(ReadModelCollections roster, String conferenceId) {
        Map<String, Unit> units = new HashMap<>();
        for (Unit unit : units(roster).find(eq("conferenceId", conferenceId))) {
            units.put(unit.unitCode(), unit);
        }
        return units;
    }

    /** A unit's place in the conference: the order in which it was added (the notice's order for the seed). */
    private static long order(Unit unit) {
        return unit == null || unit.order() == null ? Long.MAX_VALUE : unit.order();
    }

    /** Terms of this conference in force on {@code asOf}: from ≤ asOf and (no end or end > asOf). */
    private static Bson onDate(String conferenceId, LocalDate asOf) {
        return and(eq("conferenceId", conferenceId), lte("from", asOf), or(eq("to", null), gt("to", asOf)));
    }

    /** The roster that serves, refused while an earlier version's is being rebuilt ({@link RosterDocuments#origin()}). */
    private ReadModelCollections current() {
        return origin.require(collections);
    }
}
