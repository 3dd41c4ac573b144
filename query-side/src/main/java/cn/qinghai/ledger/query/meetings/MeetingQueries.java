package cn.qinghai.ledger.query.meetings;

import static cn.qinghai.ledger.query.platform.MongoWrites.date;
import static com.mongodb.client.model.Filters.eq;

import cn.qinghai.ledger.events.meeting.*;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelGenerations;
import cn.qinghai.ledger.query.roster.UnitDirectory;
import cn.qinghai.ledger.query.tasklist.TaskReadModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The query handlers of the meetings read model (see {@link MeetingProjection}) and of the decision
 * register (议定事项台账, {@link DecisionRegisterRows}), whose tasks show their live status from the task
 * read model.
 */
@Component
public class MeetingQueries {

    private final ReadModelCollections collections;
    private final UnitDirectory units;
    private final DecisionRegisterRows register;
    private final MinutesNumbers numbers;

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
        this.units = units;
        this.register = new DecisionRegisterRows(collections, tasks, units, clock.getZone());
        this.numbers = new MinutesNumbers(collections);
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
        return register.find(query);
    }

    /** The next number (文号) of the series ({@link MinutesNumbers#next}). */
    @QueryHandler
    public NextMinutesNumber handle(FindNextMinutesNumberQuery query) {
        return numbers.next(query);
    }

    static List<TaskSpec> specs(Document decision) {
        return docs(decision, "tasks").stream()
                .map(t -> new TaskSpec(
                        t.getString("taskId"),
                        t.getString("title"),
                        t.getString("leadUnitCode"),
                        strings(t, "coUnitCodes"),
                        date(t, "dueDate")))
                .toList();
    }

    static ApprovalState approvalState(Document decision) {
        Document approval = decision.get("approval", Document.class);
        String state = approval == null ? null : approval.getString("state");
        return state == null ? ApprovalState.NOT_REQUIRED : ApprovalState.valueOf(state);
    }

    static Document minutesOf(Document meeting) {
        Document minutes = meeting.get("minutes", Document.class);
        return minutes == null ? new Document() : minutes;
    }

    /** A version the read model knows only from a decision recorded into it is a draft. */
    private static MinutesState minutesState(Document minutes) {
        String state = minutes == null ? null : minutes.getString("state");
        return state == null ? MinutesState.DRAFT : MinutesState.valueOf(state);
    }

    static MeetingKind kind(Document meeting) {
        return MeetingKind.valueOf(meeting.getString("kind"));
    }

    static OffsetDateTime at(Document meeting) {
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
