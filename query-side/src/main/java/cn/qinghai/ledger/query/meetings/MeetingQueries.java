package cn.qinghai.ledger.query.meetings;

import static cn.qinghai.ledger.query.platform.MongoWrites.date;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import cn.qinghai.ledger.events.meeting.*;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelGenerations;
import cn.qinghai.ledger.query.roster.UnitDirectory;
import cn.qinghai.ledger.query.tasklist.TaskReadModel;
import cn.qinghai.ledger.query.tasklist.TaskRecord;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The query handlers of the meetings read model (see {@link MeetingProjection}) and of the decision
 * register (议定事项台账), whose tasks show their live status from the task read model.
 */
@Component
public class MeetingQueries {

    private final ReadModelCollections collections;
    private final TaskReadModel tasks;
    private final UnitDirectory units;
    private final ZoneId zone;

    @Autowired
    public MeetingQueries(ReadModelGenerations generations, TaskReadModel tasks, UnitDirectory units, Clock clock) {
        this(generations.live(MeetingProjection.GROUP), tasks, units, clock);
    }

    /** Over a plain read model in {@code db}, for tests and fixtures. */
    public MeetingQueries(MongoDatabase readModelDatabase, TaskReadModel tasks, UnitDirectory units, Clock clock) {
        this(ReadModelCollections.plain(readModelDatabase), tasks, units, clock);
    }

    private MeetingQueries(ReadModelCollections collections, TaskReadModel tasks, UnitDirectory units, Clock clock) {
        this.collections = collections;
        this.tasks = tasks;
        this.units = units;
        this.zone = clock.getZone();
    }

    /** Latest first. */
    @QueryHandler
    public MeetingList handle(FindMeetingsQuery query) {
        Bson filter = query.conferenceId() == null ? new Document() : eq("conferenceId", query.conferenceId());
        List<MeetingRow> items = new ArrayList<>();
        for (Document d : col(MeetingProjection.MEETINGS)
                .find(filter)
                .sort(Sorts.orderBy(Sorts.descending("scheduledEpochMillis"), Sorts.ascending("_id")))
                .skip(Math.multiplyExact(query.page(), query.size()))
                .limit(query.size())) {
            int version = d.getInteger("currentMinutesVersion", 1);
            items.add(new MeetingRow(
                    d.getString("_id"),
                    d.getString("conferenceId"),
                    kind(d),
                    d.getString("topic"),
                    at(d),
                    d.getString("location"),
                    d.getString("convenedBy"),
                    d.getString("convenerName"),
                    version,
                    minutesState(minutesOf(d).get("v" + version, Document.class)),
                    d.getInteger("decisionCount", 0),
                    d.getBoolean("cancelled", false)));
        }
        return new MeetingList(items, col(MeetingProjection.MEETINGS).countDocuments(filter));
    }

    @QueryHandler
    public Optional<MeetingView> handle(FindMeetingQuery query) {
        Document d = col(MeetingProjection.MEETINGS)
                .find(eq("_id", query.meetingId()))
                .first();
        if (d == null) {
            return Optional.empty();
        }
        String cid = d.getString("conferenceId");
        UnitDirectory.UnitNames names = units.names(cid);
        Function<String, MeetingView.Unit> unit = code -> new MeetingView.Unit(code, names.of(cid, code));

        Document a = d.get("attendance", Document.class);
        MeetingView.Attendance attendance = a == null
                ? null
                : new MeetingView.Attendance(
                        strings(a, "present").stream().map(unit).toList(),
                        docs(a, "absent").stream()
                                .map(x -> new MeetingView.Absent(
                                        x.getString("unitCode"),
                                        names.of(cid, x.getString("unitCode")),
                                        x.getString("reason")))
                                .toList(),
                        docs(a, "standIns").stream()
                                .map(x ->
                                        new StandIn(x.getString("unitCode"), x.getString("name"), x.getString("title")))
                                .toList());

        List<MeetingView.Decision> decisions = new ArrayList<>();
        for (Document x : col(MeetingProjection.DECISIONS)
                .find(eq("meetingId", query.meetingId()))
                .sort(Sorts.ascending("order"))) {
            Document ap = x.get("approval", Document.class);
            decisions.add(new MeetingView.Decision(
                    x.getString("decisionId"),
                    x.getInteger("minutesVersion", 1),
                    x.getString("matter"),
                    x.getBoolean("major", false),
                    specs(x),
                    new MeetingView.Approval(
                            approvalState(x),
                            ap.getString("submittedTo"),
                            ap.getString("submissionDocumentNo"),
                            date(ap, "submittedOn"),
                            ap.getString("approver"),
                            ap.getString("decisionDocumentNo"),
                            date(ap, "decidedOn")),
                    x.getInteger("issuedInVersion"),
                    x.getString("minutesDocumentNo")));
        }

        List<MeetingView.Minutes> minutes = new ArrayList<>();
        for (Object value : minutesOf(d).values()) {
            Document m = (Document) value;
            minutes.add(new MeetingView.Minutes(
                    m.getInteger("version", 1),
                    minutesState(m),
                    m.getString("correctionReason"),
                    m.getString("revisionReason"),
                    m.getString("signedBy"),
                    m.getString("signerName"),
                    date(m, "signedOn"),
                    m.getString("documentNo"),
                    strings(m, "distribution"),
                    date(m, "issuedOn"),
                    strings(m, "decisionIds")));
        }
        minutes.sort(Comparator.comparingInt(MeetingView.Minutes::version));

        return Optional.of(new MeetingView(
                d.getString("_id"),
                cid,
                kind(d),
                d.getString("topic"),
                at(d),
                d.getString("location"),
                d.getString("convenedBy"),
                d.getString("convenerName"),
                strings(d, "participantUnits").stream().map(unit).toList(),
                strings(d, "invitedDepartments"),
                attendance,
                decisions,
                d.getInteger("currentMinutesVersion", 1),
                minutes,
                d.getBoolean("cancelled", false),
                d.getString("cancellationReason")));
    }

    /** In meeting order (earliest first), then in the order the matters were recorded. */
    @QueryHandler
    public DecisionRegister handle(FindDecisionsQuery query) {
        List<Bson> filters = new ArrayList<>();
        if (query.conferenceId() != null) {
            filters.add(eq("conferenceId", query.conferenceId()));
        }
        if (query.meetingId() != null) {
            filters.add(eq("meetingId", query.meetingId()));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        List<Document> page = col(MeetingProjection.DECISIONS)
                .find(filter)
                .sort(Sorts.ascending("meetingEpochMillis", "order"))
                .skip(Math.multiplyExact(query.page(), query.size()))
                .limit(query.size())
                .into(new ArrayList<>());

        Set<String> meetingIds =
                page.stream().map(x -> x.getString("meetingId")).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, Document> meetings = new HashMap<>();
        if (!meetingIds.isEmpty()) {
            for (Document m : col(MeetingProjection.MEETINGS).find(in("_id", meetingIds))) {
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
        return new DecisionRegister(rows, col(MeetingProjection.DECISIONS).countDocuments(filter));
    }

    private static List<TaskSpec> specs(Document decision) {
        return docs(decision, "tasks").stream()
                .map(t -> new TaskSpec(
                        t.getString("taskId"),
                        t.getString("title"),
                        t.getString("leadUnitCode"),
                        strings(t, "coUnitCodes"),
                        date(t, "dueDate")))
                .toList();
    }

    /**
     * Every issued number of the series, in any conference (a number is unique across them), read in its
     * normal form so that numbers stored as typed before numbers were normalised count too.
     */
    @QueryHandler
    public NextMinutesNumber handle(FindNextMinutesNumberQuery query) {
        String prefix = query.prefix() == null || query.prefix().isBlank()
                ? latestPrefix(query.conferenceId())
                : MinutesDocumentNumber.normalisePrefix(query.prefix());
        if (prefix == null) {
            return new NextMinutesNumber(null);
        }
        int highest = 0;
        for (Document minutes : issuedMinutes(null)) {
            Optional<MinutesDocumentNumber> number = MinutesDocumentNumber.parse(minutes.getString("documentNo"));
            if (number.isPresent()
                    && number.get().prefix().equals(prefix)
                    && number.get().year() == query.year()) {
                highest = Math.max(highest, number.get().serial());
            }
        }
        return new NextMinutesNumber(new MinutesDocumentNumber(prefix, query.year(), highest + 1).toString());
    }

    /** The prefix of the conference's latest issued minutes that have one; null when there are none. */
    private String latestPrefix(String conferenceId) {
        return issuedMinutes(conferenceId).stream()
                .filter(m ->
                        MinutesDocumentNumber.parse(m.getString("documentNo")).isPresent())
                .max(Comparator.comparing((Document m) -> String.valueOf(m.get("issuedOn")))
                        .thenComparing(m -> MinutesDocumentNumber.parse(m.getString("documentNo"))
                                .get()
                                .year()))
                .map(m -> MinutesDocumentNumber.parse(m.getString("documentNo"))
                        .get()
                        .prefix())
                .orElse(null);
    }

    /** Each issued version of the minutes of the conference's meetings (of every meeting for null). */
    private List<Document> issuedMinutes(String conferenceId) {
        Bson filter = conferenceId == null ? new Document() : eq("conferenceId", conferenceId);
        List<Document> issued = new ArrayList<>();
        for (Document meeting : col(MeetingProjection.MEETINGS).find(filter).projection(new Document("minutes", 1))) {
            for (Object version : minutesOf(meeting).values()) {
                if (version instanceof Document minutes && minutes.getString("documentNo") != null) {
                    issued.add(minutes);
                }
            }
        }
        return issued;
    }

    private static ApprovalState approvalState(Document decision) {
        Document approval = decision.get("approval", Document.class);
        String state = approval == null ? null : approval.getString("state");
        return state == null ? ApprovalState.NOT_REQUIRED : ApprovalState.valueOf(state);
    }

    private static Document minutesOf(Document meeting) {
        Document minutes = meeting.get("minutes", Document.class);
        return minutes == null ? new Document() : minutes;
    }

    /** A version the read model knows only from a decision recorded into it is a draft. */
    private static MinutesState minutesState(Document minutes) {
        String state = minutes == null ? null : minutes.getString("state");
        return state == null ? MinutesState.DRAFT : MinutesState.valueOf(state);
    }

    private static MeetingKind kind(Document meeting) {
        return MeetingKind.valueOf(meeting.getString("kind"));
    }

    private static OffsetDateTime at(Document meeting) {
        String at = meeting.getString("scheduledAt");
        return at == null ? null : OffsetDateTime.parse(at);
    }

    private static List<String> strings(Document d, String field) {
        List<String> list = d.getList(field, String.class);
        return list == null ? List.of() : list;
    }

    private static List<Document> docs(Document d, String field) {
        List<Document> list = d.getList(field, Document.class);
        return list == null ? List.of() : list;
    }

    private MongoCollection<Document> col(String name) {
        return collections.get(name);
    }
}
