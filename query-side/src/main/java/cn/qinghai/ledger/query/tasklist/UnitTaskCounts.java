package cn.qinghai.ledger.query.tasklist;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;

import cn.qinghai.ledger.events.task.RagStatus;
import cn.qinghai.ledger.events.task.TaskStatus;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-unit task counts (成员单位督办事项计数): what the unit status board needs of a unit's tasks, kept by
 * {@link TaskProjection} in one small document per (conference, unit), so that the board reads one
 * document per unit however many tasks the conference has. RAG changes with the date alone, so the
 * counts keep dates, not colours: for the open tasks a unit leads, how many turn overdue on each day
 * ({@code overdueFrom}), and for those the units are still working on, how many fall due on each day
 * ({@code due}) and how many have their report interval running from each day ({@code since}).
 * {@link Counts} evaluates them against today with {@link RagPolicy}'s rules, so a board read from the
 * counts equals one that rates every task (a property test holds the two together). A document holds
 * non-zero values only, so only the dates of open tasks.
 *
 * <p><b>Exact without multi-document transactions.</b> A batch of the projection changes task
 * documents; each changed task moves its share of the counts from what its document said before to
 * what it says after. The batch writes in three steps: (1) it marks every unit document it will change
 * ({@code pending.<batch>} = the time), (2) writes the task documents, (3) adds its changes to each unit
 * document and removes its mark in one update of that document, made only while the mark is there. A
 * batch handed again after a failure reads the task documents it already wrote, finds nothing to change
 * and adds nothing: so step 3 counts each change once, provided step 2 completed. If a batch stops
 * between the steps its mark stays: a unit document with a mark older than {@link #STUCK_AFTER} may lack
 * changes its tasks already show, so the board rates that unit's tasks one by one (exact) and then
 * recounts the unit from its tasks ({@link #recount}), replacing the document only if no batch touched it
 * meanwhile ({@code version}) and none is under way. A batch that was only slow, not stopped, finds its
 * mark gone at step 3, adds nothing and marks the unit stale, so it is recounted again. Marks younger than
 * {@link #STUCK_AFTER} belong to batches under way: the counts then show the state before that batch, as
 * any read model does while a batch is being written. Increments commute, so any number of segments,
 * instances and dead-letter retries may write the same unit document.
 *
 * <p>Counts exist only for a task list that kept them from its first event, under these rules and in this
 * time zone: the projection records that ({@link #COMPLETE}) when it starts on an empty task list or is
 * reset. Without that record, or with other rules or another zone in it, the board rates every task
 * until the tasks projection is rebuilt.
 */
public final class UnitTaskCounts {

    /** A mark older than this belongs to a batch that stopped between its steps (batches take seconds). */
    public static final Duration STUCK_AFTER = Duration.ofMinutes(2);
    /** The record that the counts (and the tasks' stored RAG dates) were kept from the first event. */
    static final String COMPLETE = "_complete";
    /** The version of what a task contributes ({@link #share}, and the dates stored on each task). */
    static final int RULES = RagPolicy.STORED_RULES;

    private static final Logger log = LoggerFactory.getLogger(UnitTaskCounts.class);
    private static final String LEAD = "lead";
    private static final String CLOSED_ON_TIME = "closedOnTime";
    private static final String AS_CO_UNIT = "asCoUnit";
    private static final String OVERDUE_FROM = "overdueFrom";
    private static final String DUE = "due";
    private static final String SINCE = "since";
    private static final String PENDING = "pending";
    private static final String VERSION = "version";
    private static final String RULES_FIELD = "rules";
    private static final String ZONE = "zone";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    /** A unit of a conference: the {@code _id} of its counts is {@code conferenceId/unitCode}. */
    record Unit(String conferenceId, String unitCode) {
        String id() {
            return TaskProjection.unitReportId(conferenceId, unitCode);
        }
    }

    private final MongoCollection<Document> collection;
    private final Clock clock;

    UnitTaskCounts(MongoCollection<Document> collection, Clock clock) {
        this.collection = collection;
        this.clock = clock;
    }

    /** Records that the counts start with the task list (called when it is empty), under these rules, in this zone. */
    void markComplete() {
        collection.updateOne(eq("_id", COMPLETE), Updates.combine(
                Updates.setOnInsert("since", clock.instant().toString()),
                Updates.setOnInsert(RULES_FIELD, RULES),
                Updates.setOnInsert(ZONE, clock.getZone().getId())), UPSERT);
    }

    /** Whether this task list's counts and stored dates can be read in {@code zone}. */
    boolean kept(ZoneId zone) {
        return kept(collection.find(eq("_id", COMPLETE)).first(), zone);
    }

    private static boolean kept(Document complete, ZoneId zone) {
        return complete != null && complete.get(RULES_FIELD) instanceof Number rules && rules.intValue() == RULES
                && zone.getId().equals(complete.getString(ZONE));
    }

    // ---------------------------------------------------------------- writing

    /**
     * The changes to the counts when task documents move from {@code before} to {@code after} (either
     * may be null: a task not yet known), per unit, as field path → increment, zeros left out.
     */
    static Map<Unit, Map<String, Integer>> changes(Collection<Document[]> beforeAndAfter, ZoneId zone) {
        Map<Unit, Map<String, Integer>> changes = new LinkedHashMap<>();
        for (Document[] pair : beforeAndAfter) {
            share(pair[0], zone, -1, changes);
            share(pair[1], zone, +1, changes);
        }
        changes.values().forEach(fields -> fields.values().removeIf(n -> n == 0));
        changes.values().removeIf(Map::isEmpty);
        return changes;
    }

    /** Adds {@code sign} × the task's share of the counts: its lead unit's, and each co-unit's while open. */
    private static void share(Document document, ZoneId zone, int sign, Map<Unit, Map<String, Integer>> into) {
        if (document == null) {
            return;
        }
        TaskRecord task = TaskRecord.of(document);
        if (task.conferenceId() == null || task.status() == null) {
            return;
        }
        if (task.leadUnitCode() != null) {
            Map<String, Integer> lead = into.computeIfAbsent(new Unit(task.conferenceId(), task.leadUnitCode()),
                    k -> new HashMap<>());
            add(lead, LEAD + "." + task.status().name(), sign);
            if (task.closed() && Boolean.TRUE.equals(task.onTime())) {
                add(lead, LEAD + "." + CLOSED_ON_TIME, sign);
            }
            RagPolicy.RagDates dates = RagPolicy.datesOf(task, zone);
            if (dates.redFrom() != null) {
                add(lead, OVERDUE_FROM + "." + dates.redFrom(), sign);
            }
            if (dates.dueAtWork() != null) {
                add(lead, DUE + "." + dates.dueAtWork(), sign);
            }
            if (dates.reportSinceAtWork() != null) {
                add(lead, SINCE + "." + dates.reportSinceAtWork(), sign);
            }
        }
        if (!task.closed()) {
            for (String co : new LinkedHashSet<>(task.coUnitCodes())) {
                if (!co.equals(task.leadUnitCode())) {
                    add(into.computeIfAbsent(new Unit(task.conferenceId(), co), k -> new HashMap<>()), AS_CO_UNIT,
                            sign);
                }
            }
        }
    }

    private static void add(Map<String, Integer> fields, String path, int n) {
        fields.merge(path, n, Integer::sum);
    }

    /** Step 1: marks the unit documents {@code batch} will change, creating those not there yet. */
    void begin(String batch, Collection<Unit> units) {
        long now = clock.millis();
        List<WriteModel<Document>> marks = new ArrayList<>();
        for (Unit unit : units) {
            marks.add(new UpdateOneModel<>(eq("_id", unit.id()), Updates.combine(
                    Updates.set(PENDING + "." + batch, now),
                    Updates.inc(VERSION, 1),
                    Updates.setOnInsert("conferenceId", unit.conferenceId()),
                    Updates.setOnInsert("unitCode", unit.unitCode())), UPSERT));
        }
        if (!marks.isEmpty()) {
            collection.bulkWrite(marks, UNORDERED);
        }
    }

    /**
     * Step 3: adds {@code batch}'s changes and removes its mark, one atomic update per unit document, where
     * the mark still is (a recount may have taken it: that unit is then marked stale to be recounted again);
     * then removes the values that went down to zero, each only if still zero, as other batches may add to
     * it meanwhile.
     */
    void apply(String batch, Map<Unit, Map<String, Integer>> changes) {
        if (changes.isEmpty()) {
            return;
        }
        String mark = PENDING + "." + batch;
        List<WriteModel<Document>> adds = new ArrayList<>();
        List<WriteModel<Document>> zeros = new ArrayList<>();
        for (var change : changes.entrySet()) {
            List<Bson> updates = new ArrayList<>();
            change.getValue().forEach((path, n) -> {
                updates.add(Updates.inc(path, n));
                if (n < 0) {
                    zeros.add(new UpdateOneModel<>(and(eq("_id", change.getKey().id()), eq(path, 0)),
                            Updates.unset(path)));
                }
            });
            updates.add(Updates.unset(mark));
            updates.add(Updates.inc(VERSION, 1));
            adds.add(new UpdateOneModel<>(and(eq("_id", change.getKey().id()), exists(mark)),
                    Updates.combine(updates)));
        }
        if (collection.bulkWrite(adds, UNORDERED).getMatchedCount() < adds.size()) {
            log.warn("unit task counts: batch {} found its mark taken by a recount; its units are recounted again",
                    batch);
            collection.bulkWrite(changes.keySet().stream().map(unit -> (WriteModel<Document>) new UpdateOneModel<
                    Document>(eq("_id", unit.id()), Updates.set(mark, 0L))).toList(), UNORDERED);
        }
        if (!zeros.isEmpty()) {
            collection.bulkWrite(zeros, UNORDERED);
        }
    }

    static String newBatch() {
        return UUID.randomUUID().toString();
    }

    /**
     * Recounts a unit whose document carries marks of batches that stopped between their steps, from the
     * unit's task documents ({@code tasksOfUnit}: those it leads or supports, read after this method read
     * the unit's document). Replaces the document only if it carries no mark of a batch under way and no
     * batch touched it since it was read. Returns whether it did.
     */
    boolean recount(Unit unit, ZoneId zone, Supplier<Iterable<Document>> tasksOfUnit) {
        Document current = collection.find(eq("_id", unit.id())).first();
        if (current == null) {
            return false;
        }
        Document pending = current.get(PENDING, Document.class);
        long stuckBefore = clock.millis() - STUCK_AFTER.toMillis();
        if (pending == null || pending.isEmpty() || !pending.values().stream().allMatch(at -> stuck(at, stuckBefore))) {
            return false;
        }
        Map<Unit, Map<String, Integer>> shares = new HashMap<>();
        int tasks = 0;
        for (Document task : tasksOfUnit.get()) {
            share(task, zone, +1, shares);
            tasks++;
        }
        Document recounted = new Document("_id", unit.id()).append("conferenceId", unit.conferenceId())
                .append("unitCode", unit.unitCode())
                .append(VERSION, (current.get(VERSION) instanceof Number v ? v.longValue() : 0) + 1);
        shares.getOrDefault(unit, Map.of()).forEach((path, n) -> {
            if (n != 0) {
                nested(recounted, path).put(path.substring(path.lastIndexOf('.') + 1), n);
            }
        });
        boolean replaced = collection.replaceOne(and(eq("_id", unit.id()), eq(VERSION, current.get(VERSION))),
                recounted).getModifiedCount() == 1;
        if (replaced) {
            log.warn("unit task counts of {}: {} batch(es) had stopped between their writes; recounted from {} tasks",
                    unit.id(), pending.size(), tasks);
        }
        return replaced;
    }

    /** The document that holds {@code path}'s last part (e.g. {@code lead} for {@code lead.CLOSED}), created if absent. */
    private static Document nested(Document root, String path) {
        Document at = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            Document next = at.get(parts[i], Document.class);
            if (next == null) {
                next = new Document();
                at.put(parts[i], next);
            }
            at = next;
        }
        return at;
    }

    // ---------------------------------------------------------------- reading

    /**
     * The counts of {@code unitCodes} in the conference, or empty when this task list has none that can be
     * read in {@code zone} (built before they existed, or under other rules or in another zone). A unit
     * whose document is absent leads and supports nothing; a unit missing from the answer must be rated
     * task by task, then {@link #recount recounted}: its document carries the mark of a batch that stopped
     * between its steps.
     */
    Optional<Map<String, Counts>> read(String conferenceId, Collection<String> unitCodes, ZoneId zone) {
        Map<String, String> codesById = new LinkedHashMap<>();
        for (String code : unitCodes) {
            codesById.put(new Unit(conferenceId, code).id(), code);
        }
        List<String> ids = new ArrayList<>(codesById.keySet());
        ids.add(COMPLETE);
        Map<String, Document> found = new HashMap<>();
        for (Document d : collection.find(in("_id", ids))) {
            found.put(d.getString("_id"), d);
        }
        if (!kept(found.get(COMPLETE), zone)) {
            return Optional.empty();
        }
        long stuckBefore = clock.millis() - STUCK_AFTER.toMillis();
        Map<String, Counts> counts = new LinkedHashMap<>();
        codesById.forEach((id, code) -> {
            Document d = found.get(id);
            if (d == null) {
                counts.put(code, Counts.NONE);
            } else if (!stuck(d, stuckBefore)) {
                counts.put(code, Counts.of(d));
            }
        });
        return Optional.of(counts);
    }

    private static boolean stuck(Document d, long stuckBefore) {
        Document pending = d.get(PENDING, Document.class);
        return pending != null && pending.values().stream().anyMatch(at -> stuck(at, stuckBefore));
    }

    private static boolean stuck(Object markedAt, long stuckBefore) {
        return !(markedAt instanceof Number n) || n.longValue() < stuckBefore;
    }

    /**
     * One unit's counts: of the tasks it leads, how many in each status and how many closed on time; how
     * many open tasks it supports as a co-unit; and the dated counts of its open lead tasks.
     */
    public record Counts(Map<TaskStatus, Integer> byStatus, int closedOnTime, int asCoUnit,
                         RagPolicy.DatedCounts dated) {

        static final Counts NONE = new Counts(Map.of(), 0, 0, RagPolicy.DatedCounts.NONE);

        public int total() {
            return byStatus.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int status(TaskStatus status) {
            return byStatus.getOrDefault(status, 0);
        }

        static Counts of(Document d) {
            Map<TaskStatus, Integer> byStatus = new EnumMap<>(TaskStatus.class);
            Document lead = d.get(LEAD, Document.class);
            int closedOnTime = 0;
            if (lead != null) {
                for (TaskStatus status : TaskStatus.values()) {
                    int n = lead.get(status.name()) instanceof Number x ? x.intValue() : 0;
                    if (n != 0) {
                        byStatus.put(status, n);
                    }
                }
                closedOnTime = lead.get(CLOSED_ON_TIME) instanceof Number x ? x.intValue() : 0;
            }
            return new Counts(byStatus, closedOnTime, d.get(AS_CO_UNIT) instanceof Number x ? x.intValue() : 0,
                    new RagPolicy.DatedCounts(dated(d, OVERDUE_FROM), dated(d, DUE), dated(d, SINCE)));
        }

        private static NavigableMap<LocalDate, Integer> dated(Document d, String field) {
            NavigableMap<LocalDate, Integer> dated = new TreeMap<>();
            Document counts = d.get(field, Document.class);
            if (counts != null) {
                counts.forEach((day, n) -> {
                    if (n instanceof Number x && x.intValue() != 0) {
                        dated.put(LocalDate.parse(day), x.intValue());
                    }
                });
            }
            return dated;
        }
    }

}
