package cn.qinghai.ledger.query.meetings;

import static cn.qinghai.ledger.query.meetings.MeetingQueries.approvalState;
import static cn.qinghai.ledger.query.meetings.MeetingQueries.at;
import static cn.qinghai.ledger.query.meetings.MeetingQueries.kind;
import static cn.qinghai.ledger.query.meetings.MeetingQueries.specs;
import static cn.qinghai.ledger.query.platform.MongoWrites.date;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import cn.qinghai.ledger.events.meeting.DecisionRegister;
import cn.qinghai.ledger.events.meeting.DecisionRow;
import cn.qinghai.ledger.events.meeting.FindDecisionsQuery;
import cn.qinghai.ledger.events.meeting.TaskSpec;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.roster.UnitDirectory;
import cn.qinghai.ledger.query.tasklist.TaskReadModel;
import cn.qinghai.ledger.query.tasklist.TaskRecord;
import com.mongodb.client.model.Sorts;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The decision register (议定事项台账) as {@link MeetingQueries} answers it: a page of agreed matters, each
 * with its meeting, the minutes that issued it, its approval and its tasks in their live status from the
 * task read model (as the matter recorded them, for a task the task read model does not hold).
 */
final class DecisionRegisterRows {

    private final ReadModelCollections collections;
    private final TaskReadModel tasks;
    private final UnitDirectory units;
    private final ZoneId zone;

    DecisionRegisterRows(ReadModelCollections collections, TaskReadModel tasks, UnitDirectory units, ZoneId zone) {
        this.collections = collections;
        this.tasks = tasks;
        this.units = units;
        this.zone = zone;
    }

    /** In meeting order (earliest first), then in the order the matters were recorded. */
    DecisionRegister find(FindDecisionsQuery query) {
        List<Bson> filters = new ArrayList<>();
        if (query.conferenceId() != null) {
            filters.add(eq("conferenceId", query.conferenceId()));
        }
        if (query.meetingId() != null) {
            filters.add(eq("meetingId", query.meetingId()));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        List<Document> page = collections
                .get(MeetingProjection.DECISIONS)
                .find(filter)
                .sort(Sorts.ascending("meetingEpochMillis", "order"))
                .skip(Math.multiplyExact(query.page(), query.size()))
                .limit(query.size())
                .into(new ArrayList<>());

        Set<String> meetingIds =
                page.stream().map(x -> x.getString("meetingId")).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, Document> meetings = new HashMap<>();
        if (!meetingIds.isEmpty()) {
            for (Document m : collections.get(MeetingProjection.MEETINGS).find(in("_id", meetingIds))) {
                meetings.put(m.getString("_id"), m);
            }
        }
        Set<String> taskIds = new LinkedHashSet<>();
        page.forEach(x -> specs(x).forEach(t -> taskIds.add(t.taskId())));
        Map<String, TaskRecord> live =
                tasks.findAll(taskIds).stream().collect(Collectors.toMap(TaskRecord::taskId, t -> t));
        UnitDirectory.UnitNames names = units.names(query.conferenceId());

        List<DecisionRow> rows = new ArrayList<>();
        for (Document x : page) {
            Document m = meetings.getOrDefault(x.getString("meetingId"), new Document());
            String cid = x.getString("conferenceId");
            List<DecisionRow.Task> rowTasks = new ArrayList<>();
            for (TaskSpec spec : specs(x)) {
                TaskRecord t = live.get(spec.taskId());
                String lead = t == null ? spec.leadUnitCode() : t.leadUnitCode();
                rowTasks.add(new DecisionRow.Task(
                        spec.taskId(),
                        t == null ? spec.title() : t.title(),
                        lead,
                        names.of(cid, lead),
                        t == null ? spec.dueDate() : t.dueDate(),
                        t == null ? null : t.status(),
                        t != null && t.closed(),
                        t == null ? null : t.onTime()));
            }
            int closed =
                    (int) rowTasks.stream().filter(DecisionRow.Task::closed).count();
            OffsetDateTime scheduledAt = at(m);
            rows.add(new DecisionRow(
                    cid,
                    x.getString("meetingId"),
                    m.getString("topic"),
                    m.getString("kind") == null ? null : kind(m),
                    scheduledAt == null
                            ? null
                            : scheduledAt.atZoneSameInstant(zone).toLocalDate(),
                    x.getInteger("issuedInVersion"),
                    x.getString("minutesDocumentNo"),
                    date(x, "minutesIssuedOn"),
                    x.getString("decisionId"),
                    x.getString("matter"),
                    x.getBoolean("major", false),
                    approvalState(x),
                    rowTasks,
                    closed,
                    !rowTasks.isEmpty() && closed == rowTasks.size()));
        }
        return new DecisionRegister(
                rows, collections.get(MeetingProjection.DECISIONS).countDocuments(filter));
    }
}
