package cn.qinghai.ledger.query.roster;

import static cn.qinghai.ledger.query.platform.MongoWrites.date;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import cn.qinghai.ledger.events.conference.*;
import cn.qinghai.ledger.query.platform.MongoWrites;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelGenerations;
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
        MongoCollection<Document> conferences = col(RosterProjection.CONFERENCES);
        List<ConferenceSummary> items = new ArrayList<>();
        for (Document d : conferences
                .find()
                .sort(Sorts.ascending("establishedOn", "_id"))
                .skip(query.page() * query.size())
                .limit(query.size())) {
            items.add(new ConferenceSummary(
                    d.getString("_id"),
                    d.getString("name"),
                    d.getString("documentNo"),
                    date(d, "establishedOn"),
                    ConferenceStatus.valueOf(d.getString("status"))));
        }
        return new ConferenceList(items, conferences.countDocuments());
    }

    @QueryHandler
    public Optional<ConferenceOverview> handle(FindConferenceQuery query) {
        Document d = col(RosterProjection.CONFERENCES)
                .find(eq("_id", query.conferenceId()))
                .first();
        if (d == null) {
            return Optional.empty();
        }
        String cid = query.conferenceId();
        String host = d.getString("leadUnitCode");
        Document hostUnit = col(RosterProjection.UNITS)
                .find(eq("_id", RosterProjection.unitId(cid, host)))
                .first();
        Document director = col(RosterProjection.DIRECTORS)
                .find(and(eq("conferenceId", cid), eq("to", null)))
                .first();
        var office = new ConferenceOverview.Office(
                host,
                hostUnit == null ? null : hostUnit.getString("name"),
                director == null ? null : director.getString("personId"),
                director == null ? null : director.getString("name"));
        var counts = new ConferenceOverview.Counts(
                (int) col(RosterProjection.UNITS).countDocuments(and(eq("conferenceId", cid), eq("active", true))),
                (int) col(RosterProjection.SEATS).countDocuments(and(eq("conferenceId", cid), eq("to", null))),
                (int) col(RosterProjection.LIAISONS).countDocuments(and(eq("conferenceId", cid), eq("to", null))),
                (int) col(RosterProjection.CHANGES)
                        .countDocuments(and(eq("conferenceId", cid), eq("status", "PENDING"))));
        return Optional.of(new ConferenceOverview(
                cid,
                d.getString("name"),
                d.getString("documentNo"),
                d.getList("basisDocuments", String.class),
                date(d, "establishedOn"),
                ConferenceStatus.valueOf(d.getString("status")),
                date(d, "dissolvedOn"),
                office,
                counts));
    }

    @QueryHandler
    public Optional<RosterView> handle(FindRosterQuery query) {
        String cid = query.conferenceId();
        if (col(RosterProjection.CONFERENCES).find(eq("_id", cid)).first() == null) {
            return Optional.empty();
        }
        Bson onDate = onDate(cid, query.asOf());
        Map<String, String> unitNames = unitNames(cid);
        Map<String, Long> unitOrder = unitOrder(cid);
        List<RosterView.Seat> seats = new ArrayList<>();
        for (Document d : col(RosterProjection.SEATS).find(onDate).sort(Sorts.ascending("startSeq"))) {
            String unitCode = d.getString("unitCode");
            seats.add(new RosterView.Seat(
                    d.getString("personId"),
                    d.getString("name"),
                    d.getString("title"),
                    SeatRole.valueOf(d.getString("role")),
                    unitCode,
                    unitCode == null ? null : unitNames.get(unitCode),
                    date(d, "from"),
                    date(d, "to"),
                    RosterDecisions.of(d.get("decidedBy", Document.class))));
        }
        // The notice's order: convener, deputy conveners, then the members in the order of their units, so a
        // member who succeeds another takes the unit's place rather than the end of the list.
        seats.sort(Comparator.comparing(RosterView.Seat::role)
                .thenComparing(seat -> seat.unitCode() == null
                        ? Long.MIN_VALUE
                        : unitOrder.getOrDefault(seat.unitCode(), Long.MAX_VALUE)));
        Document director = col(RosterProjection.DIRECTORS).find(onDate).first();
        List<RosterView.Liaison> liaisons = new ArrayList<>();
        for (Document d : col(RosterProjection.LIAISONS).find(onDate).sort(Sorts.ascending("startSeq"))) {
            liaisons.add(new RosterView.Liaison(
                    d.getString("unitCode"),
                    unitNames.get(d.getString("unitCode")),
                    d.getString("name"),
                    d.getString("title"),
                    d.getString("phone"),
                    date(d, "from"),
                    date(d, "to")));
        }
        liaisons.sort(Comparator.comparing(liaison -> unitOrder.getOrDefault(liaison.unitCode(), Long.MAX_VALUE)));
        return Optional.of(new RosterView(
                cid,
                query.asOf(),
                seats,
                director == null
                        ? null
                        : new RosterView.Director(
                                director.getString("personId"),
                                director.getString("name"),
                                date(director, "from"),
                                date(director, "to"),
                                RosterDecisions.of(director.get("decidedBy", Document.class))),
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
        for (Document d : col(RosterProjection.UNITS).find(filter).sort(Sorts.ascending("conferenceId", "order"))) {
            items.add(UnitViews.of(d));
        }
        return new UnitList(items, items.size());
    }

    @QueryHandler
    public Optional<UnitView> handle(FindUnitQuery query) {
        Bson filter = query.conferenceId() == null
                ? eq("unitCode", query.unitCode())
                : eq("_id", RosterProjection.unitId(query.conferenceId(), query.unitCode()));
        // A code used by several conferences without a conferenceId: the first conference's unit.
        Document found = col(RosterProjection.UNITS)
                .find(filter)
                .sort(Sorts.ascending("conferenceId"))
                .first();
        if (found == null) {
            return Optional.empty();
        }
        return Optional.of(UnitViews.of(found));
    }

    /** Member changes newest first, with the outgoing member's name from the seat they held. */
    @QueryHandler
    public MemberChangeList handle(FindMemberChangesQuery query) {
        String cid = query.conferenceId();
        List<Bson> filters = new ArrayList<>(List.of(eq("conferenceId", cid)));
        if (query.status() != null) {
            filters.add(eq("status", query.status().name()));
        }
        if (query.unitCode() != null) {
            filters.add(eq("unitCode", query.unitCode()));
        }
        Map<String, String> unitNames = unitNames(cid);
        List<MemberChangeList.MemberChange> items = new ArrayList<>();
        for (Document d : col(RosterProjection.CHANGES)
                .find(and(filters))
                .sort(Sorts.descending("proposedOn", MongoWrites.SEQ))) {
            Document incoming = d.get("incoming", Document.class);
            Document outgoing = col(RosterProjection.SEATS)
                    .find(and(eq("conferenceId", cid), eq("personId", d.getString("outgoingPersonId"))))
                    .first();
            items.add(new MemberChangeList.MemberChange(
                    cid,
                    d.getString("changeId"),
                    d.getString("unitCode"),
                    unitNames.get(d.getString("unitCode")),
                    d.getString("outgoingPersonId"),
                    outgoing == null ? null : outgoing.getString("name"),
                    new Person(incoming.getString("personId"), incoming.getString("name"), incoming.getString("title")),
                    d.getString("reason"),
                    date(d, "proposedOn"),
                    MemberChangeList.Status.valueOf(d.getString("status")),
                    d.getString("decisionReason"),
                    date(d, "effectiveOn"),
                    RosterDecisions.of(d.get("decidedBy", Document.class))));
        }
        return new MemberChangeList(items, items.size());
    }

    private Map<String, String> unitNames(String conferenceId) {
        Map<String, String> names = new HashMap<>();
        for (Document d : col(RosterProjection.UNITS).find(eq("conferenceId", conferenceId))) {
            names.put(d.getString("unitCode"), d.getString("name"));
        }
        return names;
    }

    /** Each unit's place in the conference: the order in which it was added (the notice's order for the seed). */
    private Map<String, Long> unitOrder(String conferenceId) {
        Map<String, Long> order = new HashMap<>();
        for (Document d : col(RosterProjection.UNITS).find(eq("conferenceId", conferenceId))) {
            if (d.get("order") instanceof Number n) {
                order.put(d.getString("unitCode"), n.longValue());
            }
        }
        return order;
    }

    /** Terms of this conference in force on {@code asOf}: from ≤ asOf and (no end or end > asOf). */
    private static Bson onDate(String conferenceId, LocalDate asOf) {
        String day = date(asOf);
        return and(eq("conferenceId", conferenceId), lte("from", day), or(eq("to", null), gt("to", day)));
    }

    private MongoCollection<Document> col(String name) {
        return collections.get(name);
    }
}
