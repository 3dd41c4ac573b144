package cn.qinghai.ledger.query.meetings;

import cn.qinghai.ledger.events.meeting.Absence;
import cn.qinghai.ledger.events.meeting.ApprovalState;
import cn.qinghai.ledger.events.meeting.MeetingKind;
import cn.qinghai.ledger.events.meeting.MinutesState;
import cn.qinghai.ledger.events.meeting.StandIn;
import cn.qinghai.ledger.events.meeting.TaskSpec;
import cn.qinghai.ledger.query.platform.ReadModelCodecs;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelOrigin;
import com.mongodb.client.MongoCollection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * The meetings read model's stored documents, one record per collection, mapped by the driver's record codec
 * ({@link ReadModelCodecs}): days as dates, kinds and states as their names, attendance, stand-ins and task
 * specs as the events carry them. {@code seq} is the sequence number of the last event of the meeting applied
 * to the document ({@code MongoWrites.applyIfNewer}). Absent values are absent fields, read as null.
 *
 * <p>Their shape is {@link #FORMAT}; a meetings read model stored otherwise is rebuilt ({@link #origin()}). The
 * records are public only because the driver's codec reads their components by reflection.
 */
public final class MeetingDocuments {

    /**
     * The stored format: 2 since the documents are these records, days as dates (1: hand-built documents
     * with days as ISO text). Raise it whenever a stored document changes shape.
     */
    static final int FORMAT = 2;

    private MeetingDocuments() {}

    /**
     * How a generation records that it was written in this format: in a collection of its own. A new instance
     * each time: each keeps its own memory of the generations it found current.
     */
    static ReadModelOrigin origin() {
        return ReadModelOrigin.of("meetings read model", "meetings_origin", "origin", FORMAT);
    }

    /**
     * A meeting ({@value MeetingProjection#MEETINGS}): what, when ({@code scheduledAt} as given, with its offset;
     * {@code scheduledEpochMillis} to sort by), where, who convened it and took part, who came, and every
     * version of its minutes keyed {@code v<n>} ({@link #minutesPath}).
     */
    public record Meeting(
            @BsonId String id,
            String conferenceId,
            MeetingKind kind,
            String topic,
            OffsetDateTime scheduledAt,
            Long scheduledEpochMillis,
            String location,
            String convenedBy,
            String convenerName,
            List<String> participantUnits,
            List<String> invitedDepartments,
            Attendance attendance,
            Boolean cancelled,
            String cancellationReason,
            Integer decisionCount,
            Integer currentMinutesVersion,
            Map<String, Minutes> minutes,
            long seq) {

        /** Version {@code v} of the minutes, or null when the read model does not know it. */
        Minutes minutes(int v) {
            return minutes == null ? null : minutes.get("v" + v);
        }
    }

    /** Who came (units present), who did not and why, and who stood in for whom. */
    public record Attendance(List<String> present, List<Absence> absent, List<StandIn> standIns) {}

    /** One version of a meeting's minutes (会议纪要): drafted, signed, issued under a 文号, or corrected. */
    public record Minutes(
            Integer version,
            MinutesState state,
            String correctionReason,
            Boolean returnedForRevision,
            String revisionReason,
            String signedBy,
            String signerName,
            LocalDate signedOn,
            String documentNo,
            List<String> distribution,
            LocalDate issuedOn,
            List<String> decisionIds) {}

    /** The path of {@code field} of version {@code version} of a meeting's minutes, for an update. */
    static String minutesPath(int version, String field) {
        return "minutes.v" + version + "." + field;
    }

    /**
     * An agreed matter ({@value MeetingProjection#DECISIONS}, 议定事项), keyed {@code meeting/decision}: the
     * decision register's row. {@code meetingEpochMillis} and {@code order} (the sequence number of the event
     * that recorded it) order the register; {@code issuedInVersion} and the minutes' number and day are those
     * of the first version of the minutes that issued it.
     */
    public record Decision(
            @BsonId String id,
            String conferenceId,
            String meetingId,
            Long meetingEpochMillis,
            String decisionId,
            Integer minutesVersion,
            String matter,
            Boolean major,
            List<TaskSpec> tasks,
            Approval approval,
            Long order,
            Integer issuedInVersion,
            String minutesDocumentNo,
            LocalDate minutesIssuedOn,
            long seq) {

        /** The approval state; a matter recorded without one needs none. */
        ApprovalState approvalState() {
            return approval == null || approval.state() == null ? ApprovalState.NOT_REQUIRED : approval.state();
        }

        List<TaskSpec> taskSpecs() {
            return tasks == null ? List.of() : tasks;
        }
    }

    /** A major matter's approval (报批): submitted to whom under which number, and how it was decided. */
    public record Approval(
            ApprovalState state,
            String submittedTo,
            String submissionDocumentNo,
            LocalDate submittedOn,
            String approver,
            String decisionDocumentNo,
            LocalDate decidedOn) {

        static Approval of(ApprovalState state) {
            return new Approval(state, null, null, null, null, null, null);
        }
    }

    static MongoCollection<Meeting> meetings(ReadModelCollections collections) {
        return ReadModelCodecs.typed(collections.get(MeetingProjection.MEETINGS), Meeting.class);
    }

    static MongoCollection<Decision> decisions(ReadModelCollections collections) {
        return ReadModelCodecs.typed(collections.get(MeetingProjection.DECISIONS), Decision.class);
    }
}
