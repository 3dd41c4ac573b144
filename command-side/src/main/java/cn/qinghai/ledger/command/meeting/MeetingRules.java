package cn.qinghai.ledger.command.meeting;

import cn.qinghai.ledger.events.RuleSource;

/**
 * The meeting rules by name, most of them from the notice's working rules (四、工作规则): 联席会议实行全体会议和专题会议制度。
 * 全体会议由召集人召集，全体成员参加……专题会议由副召集人召集，全体成员或部分成员参加，必要时可邀请其他部门(单位)有关负责同志参加。
 * 联席会议以纪要形式明确议定事项，由召集人签发后印发有关部门和地区。重大事项按程序报批。 Each constant says what it refuses
 * (its Javadoc) and where it comes from ({@link RuleSource}); docs/rules-generated.md is the table of them.
 */
public final class MeetingRules {

    /** A plenary convened by anyone but the person holding the convener seat. */
    @RuleSource(notice = "全体会议由召集人召集", clause = "四、工作规则")
    public static final String PLENARY_CONVENED_BY_CONVENER = "PlenaryConvenedByConvener";
    /** A plenary that leaves out an active member unit. */
    @RuleSource(notice = "全体会议由召集人召集，全体成员参加", clause = "四、工作规则")
    public static final String PLENARY_INCLUDES_EVERY_UNIT = "PlenaryIncludesEveryActiveUnit";
    /** A special-topic meeting convened by anyone but a deputy convener. */
    @RuleSource(notice = "专题会议由副召集人召集", clause = "四、工作规则")
    public static final String SPECIAL_TOPIC_CONVENED_BY_DEPUTY = "SpecialTopicConvenedByDeputyConvener";
    /** Participants that are not active member units, none at all, or a unit named twice. */
    @RuleSource(notice = "专题会议由副召集人召集，全体成员或部分成员参加", clause = "四、工作规则")
    public static final String PARTICIPANTS_ARE_ACTIVE_UNITS = "ParticipantsAreActiveMemberUnits";
    /** An invited department that is a member unit, or is named twice. */
    @RuleSource(notice = "必要时可邀请其他部门(单位)有关负责同志参加", clause = "四、工作规则")
    public static final String INVITED_ARE_NOT_MEMBER_UNITS = "InvitedDepartmentsAreNotMemberUnits";
    /** A meeting of a dissolved or unknown conference. */
    @RuleSource(practice = "a dissolved conference holds no meetings; the ledger records nothing after its end")
    public static final String MEETINGS_OF_A_LIVING_CONFERENCE = "MeetingsOfALivingConference";
    /**
     * A meeting dated before the conference was established (the date of its establishing notice,
     * 青政办函〔2021〕138号 for the seed conference).
     */
    @RuleSource(practice = "a conference meets only once it exists; the notice establishing it gives its first day")
    public static final String MEETING_NOT_BEFORE_ESTABLISHMENT = "MeetingNotBeforeEstablishment";
    /**
     * Attendance that does not account for every participant unit once (present, or absent with a reason), or a
     * stand-in for a unit that is not present.
     */
    @RuleSource(
            practice = "the notice says who takes part, not how attendance is kept; the office records every "
                    + "participant as present or absent with a reason, and stand-ins (代参会) only for present units")
    public static final String ATTENDANCE_ACCOUNTS_FOR_PARTICIPANTS = "AttendanceAccountsForEveryParticipant";
    /** Any further record for a cancelled meeting. */
    @RuleSource(practice = "a cancelled meeting did not take place, so it records no attendance, matters or minutes")
    public static final String CANCELLED_MEETING_REFUSES = "CancelledMeetingRefusesCommands";
    /** An agreed matter or attendance recorded after the minutes are signed. */
    @RuleSource(notice = "联席会议以纪要形式明确议定事项", clause = "四、工作规则")
    public static final String DECISIONS_UNTIL_SIGNED = "DecisionsOnlyUntilMinutesSigned";
    /** A second agreed matter under a decision id already used. */
    @RuleSource(practice = "a decision id names one agreed matter, ever, so a retried request records nothing twice")
    public static final String DECISION_ID_UNIQUE = "DecisionIdUnique";
    /** Signing minutes that record no agreed matter. */
    @RuleSource(notice = "联席会议以纪要形式明确议定事项", clause = "四、工作规则")
    public static final String MINUTES_RECORD_MATTERS = "MinutesRecordAgreedMatters";
    /** Minutes signed by anyone but the convener, or signed twice. */
    @RuleSource(notice = "由召集人签发", clause = "四、工作规则")
    public static final String ONLY_CONVENER_SIGNS = "OnlyTheConvenerSignsMinutes";
    /** Minutes signed before the attendance is recorded: the minutes say who attended (出席、请假、代为参会). */
    @RuleSource(practice = "the minutes record who attended, so the attendance is recorded before they are signed")
    public static final String ATTENDANCE_BEFORE_SIGNATURE = "AttendanceBeforeSignature";
    /** Minutes signed before the day of the meeting they record. */
    @RuleSource(practice = "minutes record a meeting that took place, so they are signed on or after its day")
    public static final String SIGNED_NOT_BEFORE_MEETING = "SignedNotBeforeMeeting";
    /** Minutes issued before the day they were signed. */
    @RuleSource(notice = "由召集人签发后印发有关部门和地区", clause = "四、工作规则")
    public static final String ISSUED_NOT_BEFORE_SIGNED = "IssuedNotBeforeSigned";
    /** Issuing minutes before they are signed, or issuing one version twice. */
    @RuleSource(notice = "由召集人签发后印发有关部门和地区", clause = "四、工作规则")
    public static final String ISSUE_SIGNED_MINUTES_ONCE = "IssueSignedMinutesOnce";
    /** Issuing minutes under a document number (文号) already used. */
    @RuleSource(practice = "a document number (文号) names one issued document, as in the office's filing")
    public static final String MINUTES_NUMBER_UNIQUE = "MinutesDocumentNumberUnique";
    /** Opening a correction of minutes that are not issued: issued minutes change only by a new version. */
    @RuleSource(
            practice = "what was issued to the departments stays as issued; a correction is a new version, "
                    + "signed and issued again")
    public static final String CORRECTION_AFTER_ISSUE = "CorrectionIsANewVersionOfIssuedMinutes";
    /**
     * Returning minutes for revision that are not signed, or already issued: a draft is changed as it is, and
     * issued minutes change only by a correction.
     */
    @RuleSource(
            practice = "the convener signs the text as it stands (由召集人签发); a signed text not yet issued "
                    + "that must change (a due date the issue would pass) goes back to the office and is signed again")
    public static final String RETURN_SIGNED_UNISSUED_MINUTES = "OnlySignedUnissuedMinutesGoBackForRevision";
    /**
     * Changing the due dates of a matter whose minutes are signed (return them for revision first) or issued
     * (its tasks are assigned; the task's own deadline extension applies).
     */
    @RuleSource(
            practice = "a matter's text, its tasks' due dates included, changes only in the draft; "
                    + "the convener's signature covers what was signed, and issued minutes stay as issued")
    public static final String MATTER_CHANGES_IN_DRAFT = "MatterChangesOnlyInItsDraft";
    /** A due-date change naming no task, a task twice, or a task the matter does not give. */
    @RuleSource(practice = "a change says which of the matter's tasks it moves, each once")
    public static final String DUE_DATES_NAME_THE_MATTERS_TASKS = "DueDatesNameTheMattersTasks";
    /** Submitting for approval a matter that is not major, or whose minutes are not issued. */
    @RuleSource(notice = "重大事项按程序报批", clause = "四、工作规则")
    public static final String MAJOR_MATTERS_GO_FOR_APPROVAL = "OnlyIssuedMajorMattersGoForApproval";
    /** An approval or rejection of a matter not submitted, or already answered. */
    @RuleSource(
            practice = "the notice says major matters go for approval, not how the answer is kept; the office "
                    + "records one answer per submission")
    public static final String APPROVAL_ANSWERS_SUBMISSION = "ApprovalAnswersASubmissionOnce";
    /** Cancelling a meeting whose minutes are, or once were, signed. */
    @RuleSource(practice = "a meeting whose minutes are signed took place and stays on record")
    public static final String CANCEL_BEFORE_SIGNING = "CancelOnlyBeforeMinutesAreSigned";
    /** A command naming an agreed matter the meeting does not have. */
    @RuleSource(practice = "a command acts on something that exists; the answer says what was not found")
    public static final String KNOWN_DECISION = "KnownDecision";

    private MeetingRules() {}
}
