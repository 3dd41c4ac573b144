package cn.qinghai.ledger.command.meeting;

/**
 * The working rules of the notice (四、工作规则) by name: 联席会议实行全体会议和专题会议制度。全体会议由召集人召集，
 * 全体成员参加……专题会议由副召集人召集，全体成员或部分成员参加，必要时可邀请其他部门(单位)有关负责同志参加。
 * 联席会议以纪要形式明确议定事项，由召集人签发后印发有关部门和地区。重大事项按程序报批。
 */
public final class MeetingRules {

    /** 全体会议由召集人召集: a plenary is convened by the person holding the convener seat. */
    public static final String PLENARY_CONVENED_BY_CONVENER = "PlenaryConvenedByConvener";
    /** 全体成员参加: a plenary includes every active member unit. */
    public static final String PLENARY_INCLUDES_EVERY_UNIT = "PlenaryIncludesEveryActiveUnit";
    /** 专题会议由副召集人召集: a special-topic meeting is convened by a deputy convener. */
    public static final String SPECIAL_TOPIC_CONVENED_BY_DEPUTY = "SpecialTopicConvenedByDeputyConvener";
    /** 全体成员或部分成员参加: participants are active member units, at least one, each once. */
    public static final String PARTICIPANTS_ARE_ACTIVE_UNITS = "ParticipantsAreActiveMemberUnits";
    /** 可邀请其他部门(单位): invited departments are recorded, and are not member units. */
    public static final String INVITED_ARE_NOT_MEMBER_UNITS = "InvitedDepartmentsAreNotMemberUnits";
    /** A dissolved (or unknown) conference holds no meetings. */
    public static final String MEETINGS_OF_A_LIVING_CONFERENCE = "MeetingsOfALivingConference";
    /**
     * Office practice: a meeting of the conference takes place on or after the day the conference was
     * established (the date of the establishing notice, 青政办函〔2021〕138号 for the seed conference).
     */
    public static final String MEETING_NOT_BEFORE_ESTABLISHMENT = "MeetingNotBeforeEstablishment";
    /** Attendance accounts for every participant unit once: present, or absent with a reason; stand-ins attend for present units. */
    public static final String ATTENDANCE_ACCOUNTS_FOR_PARTICIPANTS = "AttendanceAccountsForEveryParticipant";
    /** A cancelled meeting takes no further record. */
    public static final String CANCELLED_MEETING_REFUSES = "CancelledMeetingRefusesCommands";
    /** 以纪要形式明确议定事项: agreed matters are recorded only until the minutes are signed. */
    public static final String DECISIONS_UNTIL_SIGNED = "DecisionsOnlyUntilMinutesSigned";
    /** A decision id names one agreed matter; a task id one task. */
    public static final String DECISION_ID_UNIQUE = "DecisionIdUnique";
    /** Minutes record agreed matters: no signing of minutes without one. */
    public static final String MINUTES_RECORD_MATTERS = "MinutesRecordAgreedMatters";
    /** 由召集人签发: only the convener signs the minutes. */
    public static final String ONLY_CONVENER_SIGNS = "OnlyTheConvenerSignsMinutes";
    /**
     * Office practice: the minutes say who attended (出席、请假、代参会), so the attendance is recorded before
     * the convener signs them.
     */
    public static final String ATTENDANCE_BEFORE_SIGNATURE = "AttendanceBeforeSignature";
    /** Office practice: minutes are signed on or after the day of the meeting they record. */
    public static final String SIGNED_NOT_BEFORE_MEETING = "SignedNotBeforeMeeting";
    /** 签发后印发: minutes are issued on or after the day they were signed. */
    public static final String ISSUED_NOT_BEFORE_SIGNED = "IssuedNotBeforeSigned";
    /** 签发后印发: minutes are issued only after they are signed, and each version once. */
    public static final String ISSUE_SIGNED_MINUTES_ONCE = "IssueSignedMinutesOnce";
    /** Issued minutes carry a unique document number (文号). */
    public static final String MINUTES_NUMBER_UNIQUE = "MinutesDocumentNumberUnique";
    /** Issued minutes are immutable; a correction is a new version opened after issue. */
    public static final String CORRECTION_AFTER_ISSUE = "CorrectionIsANewVersionOfIssuedMinutes";
    /** 重大事项按程序报批: only a major matter goes up for approval, once its minutes are issued. */
    public static final String MAJOR_MATTERS_GO_FOR_APPROVAL = "OnlyIssuedMajorMattersGoForApproval";
    /** An approval answers a submission, once. */
    public static final String APPROVAL_ANSWERS_SUBMISSION = "ApprovalAnswersASubmissionOnce";
    /** A meeting whose minutes are signed is no longer cancelled. */
    public static final String CANCEL_BEFORE_SIGNING = "CancelOnlyBeforeMinutesAreSigned";
    /** The decision named exists. */
    public static final String KNOWN_DECISION = "KnownDecision";

    private MeetingRules() {
    }
}
