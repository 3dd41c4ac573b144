package cn.qinghai.ledger.query.meetings;

import static cn.qinghai.ledger.query.meetings.MeetingDocuments.decisions;
import static cn.qinghai.ledger.query.meetings.MeetingDocuments.meetings;
import static cn.qinghai.ledger.query.meetings.MeetingProjection.list;
import static com.mongodb.client.model.Filters.eq;

import cn.qinghai.ledger.events.meeting.*;
import cn.qinghai.ledger.query.meetings.MeetingDocuments.Approval;
import cn.qinghai.ledger.query.meetings.MeetingDocuments.Attendance;
import cn.qinghai.ledger.query.meetings.MeetingDocuments.Decision;
import cn.qinghai.ledger.query.meetings.MeetingDocuments.Meeting;
import cn.qinghai.ledger.query.meetings.MeetingDocuments.Minutes;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelGenerations;
import cn.qinghai.ledger.query.platform.ReadModelOrigin;
import cn.qinghai.ledger.query.roster.UnitDirectory;
import cn.qinghai.ledger.query.tasklist.TaskReadModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
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
    private final ReadModelOrigin origin = MeetingDocuments.origin();

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
        this.register = new DecisionRegisterRows(tasks, units, clock.getZone());
        this.numbers = new MinutesNumbers();
    }

    /** Latest first. */
    @QueryHandler
    public MeetingList handle(FindMeetingsQuery query) {
        MongoCollection<Meeting> meetings = meetings(current());
        Bson filter = query.conferenceId() == null ? new Document() : eq("conferenceId", query.conferenceId());
        List<MeetingRow> items = new ArrayList<>();
        for (Meeting d : meetings.find(filter)
                .sort(Sorts.orderBy(Sorts.descending("scheduledEpochMillis"), Sorts.ascending("_id")))
                .skip(Math.multiplyExact(query.page(), query.size()))
                .limit(query.size())) {
            int version = currentVersion(d);
            items.add(new MeetingRow(
                    d.id(),
                    d.conferenceId(),
                    d.kind(),
                    d.topic(),
                    d.scheduledAt(),
                    d.location(),
                    d.convenedBy(),
                    d.convenerName(),
                    version,
                    minutesState(d.minutes(version)),
                    d.decisionCount() == null ? 0 : d.decisionCount(),
                    Boolean.TRUE.equals(d.cancelled())));
        }
        return new MeetingList(items, meetings.countDocuments(filter));
    }

    @QueryHandler
    public Optional<MeetingView> handle(FindMeetingQuery query) {
        ReadModelCollections current = current();
        Meeting d = meetings(current).find(eq("_id", query.meetingId())).first();
        if (d == null) {
            return Optional.empty();
        }
        String cid = d.conferenceId();
        UnitDirectory.UnitNames names = units.names(cid);
        Function<String, MeetingView.Unit> unit = code -> new MeetingView.Unit(code, names.of(cid, code));

        Attendance a = d.attendance();
        MeetingView.Attendance attendance = a == null
                ? null
                : new MeetingView.Attendance(
                        list(a.present()).stream().map(unit).toList(),
                        list(a.absent()).stream()
                                .map(x -> new MeetingView.Absent(x.unitCode(), names.of(cid, x.unitCode()), x.reason()))
                                .toList(),
                        list(a.standIns()));

        List<MeetingView.Decision> decisions = new ArrayList<>();
        for (Decision x :
                decisions(current).find(eq("meetingId", query.meetingId())).sort(Sorts.ascending("order"))) {
            Approval ap = x.approval() == null ? Approval.of(null) : x.approval();
            decisions.add(new MeetingView.Decision(
                    x.decisionId(),
                    x.minutesVersion() == null ? 1 : x.minutesVersion(),
                    x.matter(),
                    Boolean.TRUE.equals(x.major()),
                    x.taskSpecs(),
                    new MeetingView.Approval(
                            x.approvalState(),
                            ap.submittedTo(),
                            ap.submissionDocumentNo(),
                            ap.submittedOn(),
                            ap.approver(),
                            ap.decisionDocumentNo(),
                            ap.decidedOn()),
                    x.issuedInVersion(),
                    x.minutesDocumentNo()));
        }

        List<MeetingView.Minutes> minutes = new ArrayList<>();
        for (Minutes m : d.minutes() == null ? List.<Minutes>of() : d.minutes().values()) {
            minutes.add(new MeetingView.Minutes(
                    m.version() == null ? 1 : m.version(),
                    minutesState(m),
                    m.correctionReason(),
                    m.revisionReason(),
                    m.signedBy(),
                    m.signerName(),
                    m.signedOn(),
                    m.documentNo(),
                    list(m.distribution()),
                    m.issuedOn(),
                    list(m.decisionIds())));
        }
        minutes.sort(Comparator.comparingInt(MeetingView.Minutes::version));

        return Optional.of(new MeetingView(
                d.id(),
                cid,
                d.kind(),
                d.topic(),
                d.scheduledAt(),
                d.location(),
                d.convenedBy(),
                d.convenerName(),
                list(d.participantUnits()).stream().map(unit).toList(),
                list(d.invitedDepartments()),
                attendance,
                decisions,
                currentVersion(d),
                minutes,
                Boolean.TRUE.equals(d.cancelled()),
                d.cancellationReason()));
    }

    /** In meeting order (earliest first), then in the order the matters were recorded. */
    @QueryHandler
    public DecisionRegister handle(FindDecisionsQuery query) {
        return register.find(current(), query);
    }

    /** The next number (文号) of the series ({@link MinutesNumbers#next}). */
    @QueryHandler
    public NextMinutesNumber handle(FindNextMinutesNumberQuery query) {
        return numbers.next(current(), query);
    }

    private static int currentVersion(Meeting meeting) {
        return meeting.currentMinutesVersion() == null ? 1 : meeting.currentMinutesVersion();
    }

    /** A version the read model knows only from a decision recorded into it is a draft. */
    private static MinutesState minutesState(Minutes minutes) {
        return minutes == null || minutes.state() == null ? MinutesState.DRAFT : minutes.state();
    }

    /**
     * The generation that serves, refused while an earlier version's is being rebuilt
     * ({@link MeetingDocuments#origin()}).
     */
    private ReadModelCollections current() {
        return origin.require(collections);
    }
}
