package cn.qinghai.ledger.query.audit;

import static cn.qinghai.ledger.query.audit.AuditEntries.AT;
import static cn.qinghai.ledger.query.audit.AuditEntries.EVENT_ID;
import static cn.qinghai.ledger.query.audit.AuditEntries.LINK;
import static cn.qinghai.ledger.query.audit.AuditEntries.POSITION;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;

import cn.qinghai.ledger.query.platform.ReadModelStore;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The audit trail's collection: one document per stored event, keyed by its global position (see
 * {@link AuditEntries}). Written only by {@link AuditTrailProjection}; read by the audit API, the
 * exports and the verifier. It is never dropped by the application: it is the recorded evidence the
 * event store is checked against.
 */
@Component
public class AuditTrail {

    public static final String ENTRIES = "audit_entries";
    /** The trail's high-water mark: the highest position it has started to record. */
    static final String MARKS = "audit_marks";
    /** Entries withdrawn because their events are gone from the store (one document per entry). */
    static final String WITHDRAWN = "audit_withdrawn";
    /** One document per withdrawal: when, why, and which positions (see {@link #withdrawAbove}). */
    static final String WITHDRAWALS = "audit_withdrawals";

    private static final String HIGH_WATER = "highWater";
    private static final String MARK = "position";
    private static final int NEAR = 64;

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> marks;
    private final AuditWithdrawals withdrawals;

    /** A trail in a MongoDB that builds the indexes it declares, for tests. */
    public AuditTrail(MongoDatabase readModelDatabase) {
        this(readModelDatabase, ReadModelStore.MONGODB);
    }

    @Autowired
    public AuditTrail(MongoDatabase readModelDatabase, ReadModelStore store) {
        this.entries = readModelDatabase.getCollection(ENTRIES);
        this.marks = readModelDatabase.getCollection(MARKS);
        this.withdrawals = new AuditWithdrawals(
                entries, readModelDatabase.getCollection(WITHDRAWN), readModelDatabase.getCollection(WITHDRAWALS));
        List<Bson> keys = new ArrayList<>();
        for (String field : List.of(
                AuditEntries.AGGREGATE_ID,
                AuditEntries.ACTOR,
                AuditEntries.ACTOR_UNIT,
                AuditEntries.UNITS,
                AuditEntries.TYPE)) {
            keys.add(Indexes.ascending(field, POSITION));
        }
        keys.add(Indexes.ascending(AT));
        keys.add(Indexes.ascending(EVENT_ID));
        store.ensureIndexes(entries, keys.toArray(Bson[]::new));
    }

    public Document entry(long position) {
        return entries.find(eq(POSITION, position)).first();
    }

    /** The identifier of the event recorded at {@code position}, or null. */
    String eventIdAt(long position) {
        Document d = entries.find(eq(POSITION, position))
                .projection(Projections.include(EVENT_ID))
                .first();
        return d == null ? null : d.getString(EVENT_ID);
    }

    /** The entry with the highest position, or null for an empty trail. */
    public Document head() {
        return entries.find().sort(Sorts.descending(POSITION)).limit(1).first();
    }

    /**
     * The entry just before {@code position} in the global order, or null. Looks first among the
     * positions just below by {@code _id} (a primary-key lookup everywhere; the global index rarely
     * skips), and only then searches the whole range below.
     */
    Document lastBefore(long position) {
        Document near = near(position).below(position);
        return near != null
                ? near
                : entries.find(lt(POSITION, position))
                        .sort(Sorts.descending(POSITION))
                        .limit(1)
                        .projection(Projections.include(LINK))
                        .first();
    }

    /**
     * The entries recorded at {@code position} and just below it: first the position and the one below
     * (the common case, in one lookup); when that one is missing (a gap in the global index), the
     * {@value #NEAR} positions below.
     */
    NearEntries near(long position) {
        Map<Long, Document> found = lookup(position, Math.max(0, position - 1));
        if (position > 0 && !found.containsKey(position - 1)) {
            found.putAll(lookup(position - 2, Math.max(0, position - NEAR)));
        }
        return new NearEntries(found);
    }

    private Map<Long, Document> lookup(long from, long downTo) {
        List<Long> positions = new ArrayList<>();
        for (long p = from; p >= downTo; p--) {
            positions.add(p);
        }
        Map<Long, Document> found = new HashMap<>();
        if (positions.isEmpty()) {
            return found;
        }
        for (Document d : entries.find(in(POSITION, positions)).projection(Projections.include(EVENT_ID, LINK))) {
            found.put(position(d), d);
        }
        return found;
    }

    /**
     * Raises the trail's high-water mark to {@code position} and tells whether an entry above it may
     * already be recorded (the mark was higher). The mark is raised before the entry is inserted, so
     * it is never below a recorded entry; when there is no mark yet (an empty trail or one recorded
     * before the mark existed) the entries themselves are searched once.
     */
    boolean raiseMarkAndCheckAbove(long position) {
        Document before = marks.findOneAndUpdate(
                eq("_id", HIGH_WATER),
                Updates.max(MARK, position),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            return entries.find(gt(POSITION, position)).limit(1).first() != null;
        }
        return ((Number) before.get(MARK)).longValue() > position;
    }

    /** The high-water mark: the highest position the trail has started to record; null before the first. */
    Long mark() {
        Document d = marks.find(eq("_id", HIGH_WATER)).first();
        return d == null ? null : ((Number) d.get(MARK)).longValue();
    }

    /** Raises the high-water mark to {@code position} (never lowers it). */
    void raiseMark(long position) {
        marks.updateOne(eq("_id", HIGH_WATER), Updates.max(MARK, position), new UpdateOptions().upsert(true));
    }

    /** Inserts entries known to be new (positions above the mark), in one request. */
    void insertAll(List<Document> newEntries) {
        entries.insertMany(newEntries);
    }

    /** Inserts the entry; false if its position is already recorded (a redelivery). */
    boolean insert(Document entry) {
        try {
            entries.insertOne(entry);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Recomputes the links of the entries after {@code position}, starting from {@code link}: needed
     * when an event arrives below entries already recorded (a transaction that committed late). Returns
     * how many links changed ({@link AuditRelinking}).
     */
    int relinkAfter(long position, byte[] link) {
        return new AuditRelinking(entries).relinkAfter(position, link, mark());
    }

    public long count(Bson filter) {
        return unfiltered(filter) ? entries.estimatedDocumentCount() : entries.countDocuments(filter);
    }

    /**
     * A page of the entries matching {@code filter}, in global order. Unfiltered, the page is read by
     * position ({@code _id}: the global index, gaps rare) from the first up to the page's end, so its
     * cost follows the page number, not the size of the trail.
     */
    public List<Document> page(Bson filter, int page, int size) {
        Long mark = unfiltered(filter) ? mark() : null;
        if (mark == null) {
            return entries.find(filter)
                    .sort(Sorts.ascending(POSITION))
                    .skip(page * size)
                    .limit(size)
                    .into(new ArrayList<>());
        }
        return AuditPages.byPosition(entries, mark, page, size);
    }

    private static boolean unfiltered(Bson filter) {
        return filter instanceof Document d && d.isEmpty();
    }

    /** A cursor over every entry matching {@code filter} in global order, fetched in batches. */
    public MongoCursor<Document> stream(Bson filter) {
        return sorted(entries.find(filter)).batchSize(500).cursor();
    }

    /** A cursor over the entries up to {@code position} in global order, for the verifier. */
    MongoCursor<Document> upTo(long position) {
        return sorted(entries.find(lte(POSITION, position))).batchSize(1000).cursor();
    }

    /** The newest entry of an event that happened at or before {@code instant}. */
    Document newestAtOrBefore(Instant instant) {
        return entries.find(lte(AT, Date.from(instant)))
                .sort(Sorts.descending(POSITION))
                .limit(1)
                .projection(Projections.include(LINK, AuditEntries.TIMESTAMP, EVENT_ID))
                .first();
    }

    /** Positions of the given events, for those the trail has recorded. */
    Map<String, Long> positionsOf(Collection<String> eventIds) {
        Map<String, Long> positions = new HashMap<>();
        if (eventIds.isEmpty()) {
            return positions;
        }
        for (Document d : entries.find(in(EVENT_ID, eventIds)).projection(Projections.include(EVENT_ID))) {
            positions.put(d.getString(EVENT_ID), ((Number) d.get(POSITION)).longValue());
        }
        return positions;
    }

    /** The entry with the highest position at or below {@code position}, or null. */
    public Document atOrBelow(long position) {
        return entries.find(lte(POSITION, position))
                .sort(Sorts.descending(POSITION))
                .limit(1)
                .projection(Projections.include(EVENT_ID))
                .first();
    }

    /**
     * Withdraws every entry above {@code position}: their events are gone from the event store (it went
     * back to an earlier state). The entries are moved, not deleted ({@link AuditWithdrawals}); the
     * high-water mark goes back to {@code position}. Returns the withdrawn entries' positions, ascending.
     */
    public List<Long> withdrawAbove(long position, String withdrawalId, Instant at, String reason) {
        List<Long> positions = withdrawals.withdrawAbove(position, withdrawalId, at, reason);
        marks.updateOne(eq("_id", HIGH_WATER), Updates.set(MARK, position), new UpdateOptions().upsert(true));
        return positions;
    }

    /** Every withdrawal recorded, oldest first. */
    public List<Withdrawal> withdrawals() {
        return withdrawals.all();
    }

    /**
     * Entries withdrawn from the trail because their events were gone from the event store.
     *
     * @param keptUpTo  the trail was kept up to this position; entries above it were withdrawn
     * @param positions the withdrawn positions (the first 1,000)
     */
    public record Withdrawal(String id, Instant at, String reason, long keptUpTo, long count, List<Long> positions) {}

    private static FindIterable<Document> sorted(FindIterable<Document> find) {
        return find.sort(Sorts.ascending(POSITION));
    }

    static long position(Document entry) {
        return ((Number) entry.get(POSITION)).longValue();
    }
}
