package cn.qinghai.ledger.query.tasklist;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;

import cn.qinghai.ledger.events.task.TaskStatus;
import cn.qinghai.ledger.query.platform.ReadModelCodecs;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelGenerations;
import cn.qinghai.ledger.query.platform.ReadModelOrigin;
import cn.qinghai.ledger.query.platform.ReadModelStore;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads of the task read model for the query handlers that build on it (task list, unit status board,
 * decision register, circular and the unit gauges), so that only this package knows its collections.
 */
@Component
public class TaskReadModel {

    /** A dated history entry, as the circular counts them. */
    public record Activity(String taskId, String conferenceId, String leadUnitCode, String unitCode, LocalDate on) {}

    private static final int HISTORY_WINDOW = 32;
    private static final int BATCH = 1_000;

    private final ReadModelCollections collections;
    private final ReadModelOrigin origin;

    /** Reads the generation of the task list that serves readers (it follows a rebuild's switch). */
    @Autowired
    public TaskReadModel(ReadModelGenerations generations, Clock clock) {
        this(generations.live(TaskProjection.GROUP), clock.getZone());
    }

    /** Reads a plain task list in {@code db}, written in {@code zone}, for tests and fixtures. */
    public TaskReadModel(MongoDatabase readModelDatabase, ZoneId zone) {
        this(ReadModelCollections.plain(readModelDatabase), zone);
    }

    /** Reads the task list in {@code collections} (e.g. one rebuilt as of a past date), written in {@code zone}. */
    public TaskReadModel(ReadModelCollections collections, ZoneId zone) {
        this.collections = collections;
        this.origin = TaskListOrigin.in(zone);
    }

    /** Mongo's part of the task list's filters; each may be null. {@code unitCode} is the lead or a co-unit. */
    public static Bson filter(String conferenceId, String unitCode, TaskStatus status, LocalDate dueBefore) {
        List<Bson> filters = new ArrayList<>();
        if (conferenceId != null) {
            filters.add(eq("conferenceId", conferenceId));
        }
        if (unitCode != null) {
            filters.add(eq("units", unitCode));
        }
        if (status != null) {
            filters.add(eq("status", status.name()));
        }
        if (dueBefore != null) {
            filters.add(lt("dueDate", dueBefore));
        }
        return filters.isEmpty() ? new Document() : and(filters);
    }

    /** Tasks matching {@code filter}, by due date then id. */
    public List<TaskRecord> find(Bson filter) {
        return records(sorted(filter));
    }

    public List<TaskRecord> find(Bson filter, int skip, int limit) {
        return records(sorted(filter).skip(skip).limit(limit));
    }

    public long count(Bson filter) {
        return tasks().countDocuments(filter);
    }

    public Optional<TaskRecord> find(String taskId) {
        return Optional.ofNullable(tasks().find(eq("_id", taskId)).first());
    }

    public List<TaskRecord> findAll(Collection<String> taskIds) {
        return taskIds.isEmpty() ? List.of() : find(in("_id", taskIds));
    }

    /** Progress reports received in the period (by the unit that reported). */
    public List<Activity> reports(String conferenceId, LocalDate from, LocalDate to) {
        return activities(conferenceId, HistoryKind.PROGRESS, from, to);
    }

    /** Urgings in the period (of tasks led by {@code leadUnitCode}). */
    public List<Activity> urgings(String conferenceId, LocalDate from, LocalDate to) {
        return activities(conferenceId, HistoryKind.URGED, from, to);
    }

    /**
     * Each unit's latest progress report on any task of the conference, as lead or co-unit: one document
     * per unit kept by {@link TaskProjection}, all read in one request by {@code _id}; units without a
     * report are left out.
     */
    public Map<String, OffsetDateTime> lastReportsBy(String conferenceId, Collection<String> unitCodes) {
        return UnitLatestReports.read(current().get(TaskProjection.UNIT_REPORTS), conferenceId, unitCodes);
    }

    /**
     * Every history entry of one task, in event order. Where the store {@link ReadModelStore#honoursIndexes
     * honours indexes} (MongoDB) this is one query on the task ({@code taskId, seq} is indexed). The
     * in-process store would read the whole history collection for it, so there the entries are read by
     * {@code _id} (task and sequence number): up to the task document's {@code seq} and a window beyond it,
     * then window by window while the last one is taken (the events after the task's last change all write
     * history, so they leave no gap).
     */
    List<TaskHistoryEntry> history(TaskRecord task) {
        if (collections.store().honoursIndexes()) {
            return history()
                    .find(eq("taskId", task.taskId()))
                    .sort(Sorts.ascending("seq"))
                    .into(new ArrayList<>());
        }
        List<TaskHistoryEntry> found = new ArrayList<>();
        long from = 0;
        long to = task.seq() + HISTORY_WINDOW;
        while (true) {
            List<String> ids = new ArrayList<>();
            for (long seq = from; seq < to; seq++) {
                ids.add(task.taskId() + "/" + seq);
            }
            List<TaskHistoryEntry> chunk = history().find(in("_id", ids)).into(new ArrayList<>());
            found.addAll(chunk);
            long last = to - 1;
            if (chunk.stream().noneMatch(h -> h.seq() == last)) {
                break;
            }
            from = to;
            to += HISTORY_WINDOW;
        }
        found.sort(Comparator.comparingLong(TaskHistoryEntry::seq));
        return found;
    }

    private List<Activity> activities(String conferenceId, HistoryKind kind, LocalDate from, LocalDate to) {
        List<Bson> filters = new ArrayList<>(List.of(eq("kind", kind.name()), gte("on", from), lte("on", to)));
        if (conferenceId != null) {
            filters.add(eq("conferenceId", conferenceId));
        }
        List<Activity> activities = new ArrayList<>();
        for (TaskHistoryEntry h : history().find(and(filters)).batchSize(BATCH)) {
            activities.add(new Activity(h.taskId(), h.conferenceId(), h.leadUnitCode(), h.unitCode(), h.on()));
        }
        return activities;
    }

    /**
     * Sorted by due date, fetched in batches: a whole task book can exceed one server reply (the driver
     * refuses replies over 48 MB, and the in-process server sends a sorted result in one reply unless
     * asked for batches).
     */
    private FindIterable<TaskRecord> sorted(Bson filter) {
        return tasks().find(filter).sort(Sorts.ascending("dueDate", "_id")).batchSize(BATCH);
    }

    private static List<TaskRecord> records(FindIterable<TaskRecord> found) {
        return found.into(new ArrayList<>());
    }

    /** The tasks collection in {@code collections}, typed. */
    static MongoCollection<TaskRecord> tasks(ReadModelCollections collections) {
        return ReadModelCodecs.typed(collections.get(TaskProjection.TASKS), TaskRecord.class);
    }

    /**
     * The tasks collection of the generation that serves, typed; refused while that generation was written
     * by an earlier version ({@link TaskListOrigin}) and is being rebuilt.
     */
    private MongoCollection<TaskRecord> tasks() {
        return tasks(current());
    }

    /**
     * The collections of the generation that serves, refused while an earlier version wrote it
     * ({@link TaskListOrigin}): it is being rebuilt, and its live processor no longer writes it.
     */
    public ReadModelCollections current() {
        return origin.require(collections);
    }

    private MongoCollection<TaskHistoryEntry> history() {
        return history(current());
    }

    /** The history collection in {@code collections}, typed. */
    static MongoCollection<TaskHistoryEntry> history(ReadModelCollections collections) {
        return ReadModelCodecs.typed(collections.get(TaskProjection.HISTORY), TaskHistoryEntry.class);
    }
}
