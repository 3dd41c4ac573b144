package cn.qinghai.ledger.query.meetings;

import static cn.qinghai.ledger.query.meetings.MeetingDocuments.meetings;
import static cn.qinghai.ledger.query.platform.MongoWrites.applyIfNewer;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import cn.qinghai.ledger.events.meeting.*;
import cn.qinghai.ledger.query.meetings.MeetingDocuments.Attendance;
import cn.qinghai.ledger.query.meetings.MeetingDocuments.Meeting;
import cn.qinghai.ledger.query.meetings.MeetingDocuments.Minutes;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelGenerations;
import cn.qinghai.ledger.query.platform.ReadModelOrigin;
import cn.qinghai.ledger.query.platform.ReplayableProjection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The meetings read model (会议): one document per meeting (what, when, where, who convened it, who
 * took part and came, every version of the minutes 会议纪要 keyed {@code minutes.v<n>}) and one per agreed
 * matter (议定事项: matter, major flag, task specs, approval 报批, the minutes that first issued it),
 * which is also the decision register's row ({@link DecisionDocuments}).
 *
 * <p>Idempotent: every document remembers the sequence number of the last event of its meeting
 * applied to it and ignores older ones. Events of one meeting arrive in order, so reading a document
 * before writing it is safe.
 */
@Component
@ProcessingGroup(MeetingProjection.GROUP)
public class MeetingProjection implements ReplayableProjection {

    public static final String GROUP = "meetings";
    static final String MEETINGS = "meetings";
    static final String DECISIONS = "meeting_decisions";

    private final ReadModelCollections collections;
    private final DecisionDocuments decisions;
    private final ReadModelOrigin origin = MeetingDocuments.origin();

    /** The live meetings read model: the generation that serves readers. */
    @Autowired
    public MeetingProjection(ReadModelGenerations generations) {
        this(generations.live(GROUP));
    }

    /** A plain read model in {@code db} (generation 1), for tests and fixtures. */
    public MeetingProjection(MongoDatabase readModelDatabase) {
        this(ReadModelCollections.plain(readModelDatabase));
    }

    MeetingProjection(ReadModelCollections collections) {
        this.collections = collections;
        this.decisions = new DecisionDocuments(collections);
        ensureIndexes();
        origin.recordIfEmpty(collections, MEETINGS, Instant.now());
    }

    @Override
    public String processingGroup() {
        return GROUP;
    }

    @Override
    public List<String> collections() {
        return List.of(MEETINGS, DECISIONS, origin.collection());
    }

    /** Whether the read model this writes (the live binding follows a switch) is stored as {@link MeetingDocuments} says. */
    @Override
    public boolean upToDate() {
        return origin.isCurrent(collections);
    }

    @Override
    public Object bindTo(ReadModelCollections target) {
        return new MeetingProjection(target);
    }

    private void ensureIndexes() {
        collections.ensureIndexes(MEETINGS, Indexes.ascending("conferenceId", "scheduledEpochMillis"));
        collections.ensureIndexes(
                DECISIONS,
                Indexes.ascending("conferenceId", "meetingEpochMillis", "order"),
                Indexes.ascending("meetingId", "order"));
    }

    @EventHandler
    public void on(MeetingConvenedEvent e, @SequenceNumber long seq) {
        applyIfNewer(
                meetings(collections),
                e.meetingId(),
                seq,
                combine(
                        set("conferenceId", e.conferenceId()),
                        set("kind", e.kind()),
                        set("topic", e.topic()),
                        set("scheduledAt", e.scheduledAt()),
                        set(
                                "scheduledEpochMillis",
                                e.scheduledAt() == null
                                        ? null
                                        : e.scheduledAt().toInstant().toEpochMilli()),
                        set("location", e.location()),
                        set("convenedBy", e.convenedBy()),
                        set("convenerName", e.convenerName()),
                        set("participantUnits", list(e.participantUnits())),
                        set("invitedDepartments", list(e.invitedDepartments())),
                        set("cancelled", false),
                        set("decisionCount", 0),
                        set("currentMinutesVersion", 1),
                        set(minutes(1, "version"), 1),
                        set(minutes(1, "state"), MinutesState.DRAFT)));
    }

    @EventHandler
    public void on(AttendanceRecordedEvent e, @SequenceNumber long seq) {
        applyIfNewer(
                meetings(collections),
                e.meetingId(),
                seq,
                set("attendance", new Attendance(list(e.present()), list(e.absent()), list(e.standIns()))));
    }

    @EventHandler
    public void on(DecisionRecordedEvent e, @SequenceNumber long seq) {
        Meeting meeting = meeting(e.meetingId());
        decisions.record(e, meeting == null ? null : meeting.scheduledEpochMillis(), seq);
        applyIfNewer(
                meetings(collections),
                e.meetingId(),
                seq,
                combine(inc("decisionCount", 1), set(minutes(e.minutesVersion(), "version"), e.minutesVersion())));
    }

    @EventHandler
    public void on(MinutesSignedEvent e, @SequenceNumber long seq) {
        int v = e.minutesVersion();
        applyIfNewer(
                meetings(collections),
                e.meetingId(),
                seq,
                combine(
                        set(minutes(v, "version"), v),
                        set(minutes(v, "state"), MinutesState.SIGNED),
                        set(minutes(v, "signedBy"), e.signedBy()),
                        set(minutes(v, "signerName"), e.signerName()),
                        set(minutes(v, "signedOn"), e.signedOn())));
    }

    /** Issues version {@code v}; each decision it carries keeps the 文号 of the first version that issued it. */
    @EventHandler
    public void on(MinutesIssuedEvent e, @SequenceNumber long seq) {
        int v = e.minutesVersion();
        decisions.issued(e, seq);
        applyIfNewer(
                meetings(collections),
                e.meetingId(),
                seq,
                combine(
                        set(minutes(v, "version"), v),
                        set(minutes(v, "state"), MinutesState.ISSUED),
                        set(minutes(v, "documentNo"), e.documentNo()),
                        set(minutes(v, "distribution"), list(e.distribution())),
                        set(minutes(v, "issuedOn"), e.issuedOn()),
                        set(minutes(v, "decisionIds"), list(e.decisionIds()))));
    }

    /**
     * Opens the next version of the minutes as a draft. The event's {@code minutesVersion} is read as
     * the version opened; should it name the issued version being corrected, the next one is opened,
     * so that an issued version is never overwritten.
     */
    @EventHandler
    public void on(MinutesCorrectionOpenedEvent e, @SequenceNumber long seq) {
        Meeting meeting = meeting(e.meetingId());
        if (meeting != null && meeting.seq() >= seq) {
            return;
        }
        int v = e.minutesVersion();
        Minutes named = meeting == null ? null : meeting.minutes(v);
        if (named != null && named.state() == MinutesState.ISSUED) {
            v++;
        }
        applyIfNewer(
                meetings(collections),
                e.meetingId(),
                seq,
                combine(
                        set("currentMinutesVersion", v),
                        set(minutes(v, "version"), v),
                        set(minutes(v, "state"), MinutesState.DRAFT),
                        set(minutes(v, "correctionReason"), e.reason())));
    }

    /** The signed version goes back to a draft: its signature no longer stands, and why is kept. */
    @EventHandler
    public void on(MinutesReturnedForRevisionEvent e, @SequenceNumber long seq) {
        int v = e.minutesVersion();
        applyIfNewer(
                meetings(collections),
                e.meetingId(),
                seq,
                combine(
                        set(minutes(v, "state"), MinutesState.DRAFT),
                        unset(minutes(v, "signedBy")),
                        unset(minutes(v, "signerName")),
                        unset(minutes(v, "signedOn")),
                        set(minutes(v, "returnedForRevision"), true),
                        set(minutes(v, "revisionReason"), e.reason())));
    }

    /** The named tasks of the matter take their new due dates; the others keep theirs. */
    @EventHandler
    public void on(MatterDueDatesRevisedEvent e, @SequenceNumber long seq) {
        decisions.dueDatesRevised(e, seq);
    }

    @EventHandler
    public void on(MatterSubmittedForApprovalEvent e, @SequenceNumber long seq) {
        decisions.submittedForApproval(e, seq);
    }

    @EventHandler
    public void on(MatterApprovedEvent e, @SequenceNumber long seq) {
        decisions.approved(e, seq);
    }

    @EventHandler
    public void on(MatterRejectedEvent e, @SequenceNumber long seq) {
        decisions.rejected(e, seq);
    }

    @EventHandler
    public void on(MeetingCancelledEvent e, @SequenceNumber long seq) {
        applyIfNewer(
                meetings(collections),
                e.meetingId(),
                seq,
                combine(set("cancelled", true), set("cancellationReason", e.reason())));
    }

    @ResetHandler
    public void reset() {
        collections().forEach(name -> collections.get(name).drop());
        ensureIndexes();
        origin.record(collections, Instant.now());
    }

    private static String minutes(int version, String field) {
        return MeetingDocuments.minutesPath(version, field);
    }

    private Meeting meeting(String meetingId) {
        return meetings(collections).find(eq("_id", meetingId)).first();
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
