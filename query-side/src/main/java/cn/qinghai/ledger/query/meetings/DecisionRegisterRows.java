package cn.qinghai.ledger.query.meetings;

import static cn.qinghai.ledger.query.meetings.MeetingDocuments.decisions;
import static cn.qinghai.ledger.query.meetings.MeetingDocuments.meetings;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import cn.qinghai.ledger.events.meeting.DecisionRegister;
import cn.qinghai.ledger.events.meeting.DecisionRow;
import cn.qinghai.ledger.events.meeting.FindDecisionsQuery;
import cn.qinghai.ledger.events.meeting.TaskSpec;
import cn.qinghai.ledger.query.meetings.MeetingDocuments.Decision;
import cn.qinghai.ledger.query.meetings.MeetingDocuments.Meeting;
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

    private final TaskReadModel tasks;
    private final UnitDirectory units;
    private final ZoneId zone;

    DecisionRegisterRows(TaskReadModel tasks, UnitDirectory units, ZoneId zone) {
        this.tasks = tasks;
        this.units = units;
        this.zone = zone;
    }

    /** In meeting order (earliest first), then in the order the matters were recorded. */
    DecisionRegister find(ReadModelCollections collections, FindDecisionsQuery query) {
        List<Bson> filters = new ArrayList<>();
        if (query.conferenceId() != null) {
            filters.add(eq("conferenceId", query.conferenceId()));
        }
        if (query.meetingId() != null) {
            filters.add(eq("meetingId", query.meetingId()));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        List<Decision> page = decisions(collections)
                .find(filter)
                .sort(Sorts.ascending("meetingEpochMillis", "order"))
                .skip(Math.multiplyExact(query.page(), query.size()))
                .limit(query.size())
                .into(new ArrayList<>());

        Set<String> meetingIds =
                page.stream().map(Decision::meetingId).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, Meeting> meetings = new HashMap<>();
        if (!meetingIds.isEmpty()) {
            for (Meeting m : meetings(collections).find(in("_id", meetingIds))) {
                meetings.put(m.id(), m);
            }
        }
        Set<String> taskIds = new LinkedHashSet<>();
        page.forEach(x -> x.taskSpecs().forEach(t -> taskIds.add(t.taskId())));
        Map<String, TaskRecord> live =
                tasks.findAll(taskIds).stream().collect(Collectors.toMap(TaskRecord::taskId, t -> t));
        UnitDirectory.UnitNames names = units.names(query.conferenceId());

        List<DecisionRow> rows = new ArrayList<>();
        for (Decision x : page) {
            Meeting m = meetings.get(x.meetingId());
            String cid = x.conferenceId();
            List<DecisionRow.Task> rowTasks = new ArrayList<>();
            for (TaskSpec spec : x.taskSpecs()) {
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
            OffsetDateTime scheduledAt = m == null ? null : m.scheduledAt();
            rows.add(new DecisionRow(
                    cid,
                    x.meetingId(),
                    m == null ? null : m.topic(),
                    m == null ? null : m.kind(),
                    scheduledAt == null
                            ? null
                            : scheduledAt.atZoneSameInstant(zone).toLocalDate(),
                    x.issuedInVersion(),
                    x.minutesDocumentNo(),
                    x.minutesIssuedOn(),
                    x.decisionId(),
                    x.matter(),
                    Boolean.TRUE.equals(x.major()),
                    x.approvalState(),
                    rowTasks,
                    closed,
                    !rowTasks.isEmpty() && closed == rowTasks.size()));
        }
        return new DecisionRegister(rows, decisions(collections).countDocuments(filter));
    }
}
