package cn.qinghai.ledger.events.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One meeting (会议) in full: who convened it, who took part and who came (出席, 请假, 代参会), the
 * agreed matters (议定事项) with their approval, and every version of the minutes (会议纪要): a
 * correction is a later version, and the versions issued before it stay listed.
 */
public record MeetingView(
        String meetingId,
        String conferenceId,
        MeetingKind kind,
        String topic,
        OffsetDateTime scheduledAt,
        String location,
        String convenedBy,
        String convenerName,
        List<Unit> participantUnits,
        List<String> invitedDepartments,
        Attendance attendance,
        List<Decision> decisions,
        int currentMinutesVersion,
        List<Minutes> minutes,
        boolean cancelled,
        String cancellationReason) {

    /** A member unit by code, with its name from the roster (null when the roster does not know it). */
    public record Unit(String unitCode, String name) {}

    /** Null in the view until attendance is recorded; a later record replaces it whole. */
    public record Attendance(List<Unit> present, List<Absent> absent, List<StandIn> standIns) {}

    /** 请假: a participant unit that did not attend, and why. */
    public record Absent(String unitCode, String name, String reason) {}

    /**
     * 议定事项 recorded in the draft of {@code minutesVersion}; {@code issuedInVersion} and
     * {@code minutesDocumentNo} name the minutes that first issued it (null until issued).
     */
    public record Decision(
            String decisionId,
            int minutesVersion,
            String matter,
            boolean major,
            List<TaskSpec> tasks,
            Approval approval,
            Integer issuedInVersion,
            String minutesDocumentNo) {}

    /** 报批: where the matter was submitted, under which document, and the answer. */
    public record Approval(
            ApprovalState state,
            String submittedTo,
            String submissionDocumentNo,
            LocalDate submittedOn,
            String approver,
            String decisionDocumentNo,
            LocalDate decidedOn) {}

    /**
     * One version of the minutes: drafted, signed (签发) by the convener, issued (印发) under a 文号;
     * {@code revisionReason} says why a signed version went back to the draft (退回修改), null if it never did.
     */
    public record Minutes(
            int version,
            MinutesState state,
            String correctionReason,
            String revisionReason,
            String signedBy,
            String signerName,
            LocalDate signedOn,
            String documentNo,
            List<String> distribution,
            LocalDate issuedOn,
            List<String> decisionIds) {}
}
