package cn.qinghai.ledger.query.meetings;

import static cn.qinghai.ledger.query.meetings.MeetingProjection.list;
import static cn.qinghai.ledger.query.platform.MongoWrites.applyIfNewer;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import cn.qinghai.ledger.events.meeting.ApprovalState;
import cn.qinghai.ledger.events.meeting.DecisionRecordedEvent;
import cn.qinghai.ledger.events.meeting.MatterApprovedEvent;
import cn.qinghai.ledger.events.meeting.MatterDueDatesRevisedEvent;
import cn.qinghai.ledger.events.meeting.MatterRejectedEvent;
import cn.qinghai.ledger.events.meeting.MatterSubmittedForApprovalEvent;
import cn.qinghai.ledger.events.meeting.MinutesIssuedEvent;
import cn.qinghai.ledger.events.meeting.TaskSpec;
import cn.qinghai.ledger.query.meetings.MeetingDocuments.Approval;
import cn.qinghai.ledger.query.meetings.MeetingDocuments.Decision;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import com.mongodb.client.MongoCollection;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents of the agreed matters (议定事项, one per matter: the decision register's rows) as {@link
 * MeetingProjection} writes them: recorded with their task specs, stamped with the minutes that first
 * issued them, their due dates revised, their approval (报批) followed.
 *
 * <p>Each document remembers the sequence number of the last event of its meeting applied to it and
 * ignores older ones.
 */
final class DecisionDocuments {

    private final ReadModelCollections collections;

    DecisionDocuments(ReadModelCollections collections) {
        this.collections = collections;
    }

    /** A matter needs approval when it is major; {@code meetingEpochMillis} orders the register by meeting. */
    void record(DecisionRecordedEvent e, Long meetingEpochMillis, long seq) {
        applyIfNewer(
                col(),
                decisionId(e.meetingId(), e.decisionId()),
                seq,
                combine(
                        set("conferenceId", e.conferenceId()),
                        set("meetingId", e.meetingId()),
                        set("meetingEpochMillis", meetingEpochMillis),
                        set("decisionId", e.decisionId()),
                        set("minutesVersion", e.minutesVersion()),
                        set("matter", e.matter()),
                        set("major", e.major()),
                        set(
                                "tasks",
                                list(e.tasks()).stream()
                                        .map(t -> new TaskSpec(
                                                t.taskId(),
                                                t.title(),
                                                t.leadUnitCode(),
                                                list(t.coUnitCodes()),
                                                t.dueDate()))
                                        .toList()),
                        set(
                                "approval",
                                Approval.of(e.major() ? ApprovalState.PENDING_SUBMISSION : ApprovalState.NOT_REQUIRED)),
                        set("order", seq)));
    }

    /** Each decision the minutes carry keeps the 文号 of the first version that issued it. */
    void issued(MinutesIssuedEvent e, long seq) {
        int v = e.minutesVersion();
        for (String decisionId : list(e.decisionIds())) {
            String id = decisionId(e.meetingId(), decisionId);
            Decision decision = col().find(eq("_id", id)).first();
            if (decision != null && decision.issuedInVersion() == null) {
                applyIfNewer(
                        col(),
                        id,
                        seq,
                        combine(
                                set("issuedInVersion", v),
                                set("minutesDocumentNo", e.documentNo()),
                                set("minutesIssuedOn", e.issuedOn())));
            }
        }
    }

    /** The named tasks of the matter take their new due dates; the others keep theirs. */
    void dueDatesRevised(MatterDueDatesRevisedEvent e, long seq) {
        String id = decisionId(e.meetingId(), e.decisionId());
        Decision decision = col().find(eq("_id", id)).first();
        if (decision == null || decision.seq() >= seq) {
            return;
        }
        Map<String, LocalDate> due = new HashMap<>();
        list(e.dueDates()).forEach(d -> due.put(d.taskId(), d.dueDate()));
        List<TaskSpec> tasks = decision.taskSpecs().stream()
                .map(t -> due.containsKey(t.taskId())
                        ? new TaskSpec(t.taskId(), t.title(), t.leadUnitCode(), t.coUnitCodes(), due.get(t.taskId()))
                        : t)
                .toList();
        applyIfNewer(col(), id, seq, set("tasks", tasks));
    }

    void submittedForApproval(MatterSubmittedForApprovalEvent e, long seq) {
        applyIfNewer(
                col(),
                decisionId(e.meetingId(), e.decisionId()),
                seq,
                combine(
                        set("approval.state", ApprovalState.SUBMITTED),
                        set("approval.submittedTo", e.submittedTo()),
                        set("approval.submissionDocumentNo", e.documentNo()),
                        set("approval.submittedOn", e.submittedOn())));
    }

    void approved(MatterApprovedEvent e, long seq) {
        applyIfNewer(
                col(),
                decisionId(e.meetingId(), e.decisionId()),
                seq,
                combine(
                        set("approval.state", ApprovalState.APPROVED),
                        set("approval.approver", e.approver()),
                        set("approval.decisionDocumentNo", e.documentNo()),
                        set("approval.decidedOn", e.decidedOn())));
    }

    void rejected(MatterRejectedEvent e, long seq) {
        applyIfNewer(
                col(),
                decisionId(e.meetingId(), e.decisionId()),
                seq,
                combine(
                        set("approval.state", ApprovalState.REJECTED),
                        set("approval.approver", e.approver()),
                        set("approval.decisionDocumentNo", e.documentNo()),
                        set("approval.decidedOn", e.decidedOn())));
    }

    /** The key of a matter's document: its meeting, then its id within the meeting. */
    static String decisionId(String meetingId, String decisionId) {
        return meetingId + "/" + decisionId;
    }

    private MongoCollection<Decision> col() {
        return MeetingDocuments.decisions(collections);
    }
}
