package cn.qinghai.ledger.command.meeting;

import static cn.qinghai.ledger.command.meeting.MeetingRules.*;
import static org.mockito.Mockito.when;

import cn.qinghai.ledger.command.lookup.RosterLookup;
import cn.qinghai.ledger.command.lookup.RosterStubs;
import cn.qinghai.ledger.command.task.TaskDeadlines;
import cn.qinghai.ledger.events.RuleViolation.Kind;
import cn.qinghai.ledger.events.conference.SeatRole;
import cn.qinghai.ledger.events.meeting.*;
import cn.qinghai.ledger.events.task.TaskAssignedEvent;
import cn.qinghai.ledger.events.task.TaskSource;
import cn.qinghai.ledger.testsupport.RuleAssertions;
import cn.qinghai.ledger.testsupport.Xining;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The working rules of the notice (四、工作规则), one behaviour per test. */
class MeetingTest {

    static final String M = "plenary-2026-1";
    static final String CID = "qh";
    static final OffsetDateTime AT = OffsetDateTime.of(2026, 3, 10, 9, 0, 0, 0, ZoneOffset.ofHours(8));
    static final LocalDate DAY = AT.toLocalDate();
    static final List<String> UNITS = List.of("education", "finance", "health");
    static final TaskSpec ORDINARY_TASK =
            new TaskSpec("t-1", "出台实施方案", "education", List.of("finance"), LocalDate.of(2026, 6, 30));
    static final TaskSpec MAJOR_TASK = new TaskSpec("t-2", "设立专项资金", "finance", List.of(), LocalDate.of(2026, 9, 30));

    AggregateTestFixture<Meeting> fixture;
    RosterLookup roster;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Meeting.class);
        roster = RosterStubs.conferenceWithUnits(CID, UNITS);
        when(roster.unitName(CID, "health")).thenReturn(Optional.of("省卫生健康委"));
        var kuang = new RosterLookup.Seat("kuang-yong", "匡湧", SeatRole.CONVENER, null);
        var jin = new RosterLookup.Seat("jin-shengshou", "靳生寿", SeatRole.DEPUTY_CONVENER, null);
        var zhong = new RosterLookup.Seat("zhong-zehai", "钟泽海", SeatRole.MEMBER, "education");
        when(roster.seat(CID, "kuang-yong")).thenReturn(Optional.of(kuang));
        when(roster.seat(CID, "jin-shengshou")).thenReturn(Optional.of(jin));
        when(roster.seat(CID, "zhong-zehai")).thenReturn(Optional.of(zhong));
        when(roster.convener(CID)).thenReturn(Optional.of(kuang));
        fixture.registerInjectableResource(roster);
        fixture.registerInjectableResource(new TaskDeadlines(Xining.ZONE));
    }

    static MeetingConvenedEvent plenary() {
        return new MeetingConvenedEvent(
                M,
                CID,
                MeetingKind.PLENARY,
                "2026年第一次全体会议",
                AT,
                "省政府第一会议室",
                "kuang-yong",
                "匡湧",
                UNITS,
                List.of("省委宣传部"));
    }

    static ConveneMeetingCommand convene(MeetingKind kind, String by, List<String> units) {
        return new ConveneMeetingCommand(M, CID, kind, "2026年第一次全体会议", AT, "省政府第一会议室", by, units, List.of("省委宣传部"));
    }

    static final DecisionRecordedEvent ORDINARY =
            new DecisionRecordedEvent(M, CID, "d-1", 1, "出台托育服务实施方案", false, List.of(ORDINARY_TASK));
    static final DecisionRecordedEvent MAJOR =
            new DecisionRecordedEvent(M, CID, "d-2", 1, "设立省级托育专项资金", true, List.of(MAJOR_TASK));
    static final AttendanceRecordedEvent ATTENDED = new AttendanceRecordedEvent(M, UNITS, List.of(), List.of());
    static final MinutesSignedEvent SIGNED = new MinutesSignedEvent(M, 1, "kuang-yong", "匡湧", DAY);
    static final MinutesIssuedEvent ISSUED = new MinutesIssuedEvent(
            M, CID, 1, "青婴托联〔2026〕1号", List.of("各市州人民政府"), DAY.plusDays(2), List.of("d-1", "d-2"));

    @Nested
    class Convening {

        @Test
        void theConvenerConvenesAPlenaryWithEveryActiveUnit() {
            fixture.givenNoPriorActivity()
                    .when(convene(MeetingKind.PLENARY, "kuang-yong", List.of()))
                    .expectEvents(plenary());
        }

        @Test
        void aPlenaryConvenedByADeputyIsRefused() {
            RuleAssertions.refusedBy(
                    fixture.givenNoPriorActivity().when(convene(MeetingKind.PLENARY, "jin-shengshou", List.of())),
                    PLENARY_CONVENED_BY_CONVENER,
                    Kind.RULE);
        }

        @Test
        void aPlenaryLeavesNoActiveUnitOut() {
            RuleAssertions.refusedBy(
                    fixture.givenNoPriorActivity()
                            .when(convene(MeetingKind.PLENARY, "kuang-yong", List.of("education", "finance"))),
                    PLENARY_INCLUDES_EVERY_UNIT,
                    Kind.RULE);
        }

        @Test
        void specialTopicMeetingNeedsDeputyConvener() {
            RuleAssertions.refusedBy(
                    fixture.givenNoPriorActivity()
                            .when(convene(MeetingKind.SPECIAL_TOPIC, "kuang-yong", List.of("education"))),
                    SPECIAL_TOPIC_CONVENED_BY_DEPUTY,
                    Kind.RULE);
            RuleAssertions.refusedBy(
                    fixture.givenNoPriorActivity()
                            .when(convene(MeetingKind.SPECIAL_TOPIC, "zhong-zehai", List.of("education"))),
                    SPECIAL_TOPIC_CONVENED_BY_DEPUTY,
                    Kind.RULE);
        }

        @Test
        void aSpecialTopicMeetingTakesSomeUnits() {
            fixture.givenNoPriorActivity()
                    .when(convene(MeetingKind.SPECIAL_TOPIC, "jin-shengshou", List.of("education", "finance")))
                    .expectEvents(new MeetingConvenedEvent(
                            M,
                            CID,
                            MeetingKind.SPECIAL_TOPIC,
                            "2026年第一次全体会议",
                            AT,
                            "省政府第一会议室",
                            "jin-shengshou",
                            "靳生寿",
                            List.of("education", "finance"),
                            List.of("省委宣传部")));
        }

        @Test
        void participantsAreActiveMemberUnits() {
            RuleAssertions.refusedBy(
                    fixture.givenNoPriorActivity()
                            .when(convene(MeetingKind.SPECIAL_TOPIC, "jin-shengshou", List.of("education", "nowhere"))),
                    PARTICIPANTS_ARE_ACTIVE_UNITS,
                    Kind.RULE);
        }

        @Test
        void invitedDepartmentsAreNotMemberUnits() {
            RuleAssertions.refusedBy(
                    fixture.givenNoPriorActivity()
                            .when(new ConveneMeetingCommand(
                                    M,
                                    CID,
                                    MeetingKind.PLENARY,
                                    "t",
                                    AT,
                                    "l",
                                    "kuang-yong",
                                    List.of(),
                                    List.of("省卫生健康委"))),
                    INVITED_ARE_NOT_MEMBER_UNITS,
                    Kind.RULE);
        }

        @Test
        void aMeetingBeforeTheConferenceWasEstablishedIsRefused() {
            when(roster.establishedOn(CID)).thenReturn(Optional.of(DAY.plusDays(1)));
            RuleAssertions.refusedBy(
                    fixture.givenNoPriorActivity().when(convene(MeetingKind.PLENARY, "kuang-yong", List.of())),
                    MEETING_NOT_BEFORE_ESTABLISHMENT,
                    Kind.RULE);
        }

        @Test
        void aMeetingOnTheDayOfEstablishmentIsHeld() {
            when(roster.establishedOn(CID)).thenReturn(Optional.of(DAY));
            fixture.givenNoPriorActivity()
                    .when(convene(MeetingKind.PLENARY, "kuang-yong", List.of()))
                    .expectEvents(plenary());
        }

        @Test
        void aDissolvedConferenceHoldsNoMeetings() {
            when(roster.isDissolved(CID)).thenReturn(true);
            RuleAssertions.refusedBy(
                    fixture.givenNoPriorActivity().when(convene(MeetingKind.PLENARY, "kuang-yong", List.of())),
                    MEETINGS_OF_A_LIVING_CONFERENCE,
                    Kind.RULE);
        }
    }

    @Nested
    class Attendance {

        @Test
        void attendanceNamesPresentAbsentWithReasonsAndStandIns() {
            var command = new RecordAttendanceCommand(
                    M,
                    List.of("education", "health"),
                    List.of(new Absence("finance", "出差")),
                    List.of(new StandIn("education", "李处长", "处长")));
            fixture.given(plenary())
                    .when(command)
                    .expectEvents(
                            new AttendanceRecordedEvent(M, command.present(), command.absent(), command.standIns()));
        }

        @Test
        void everyParticipantIsAccountedFor() {
            RuleAssertions.refusedBy(
                    fixture.given(plenary())
                            .when(new RecordAttendanceCommand(
                                    M, List.of("education"), List.of(new Absence("finance", "出差")), List.of())),
                    ATTENDANCE_ACCOUNTS_FOR_PARTICIPANTS,
                    Kind.RULE);
        }

        @Test
        void aStandInAttendsForAPresentUnit() {
            RuleAssertions.refusedBy(
                    fixture.given(plenary())
                            .when(new RecordAttendanceCommand(
                                    M,
                                    List.of("education", "health"),
                                    List.of(new Absence("finance", "出差")),
                                    List.of(new StandIn("finance", "王", "科长")))),
                    ATTENDANCE_ACCOUNTS_FOR_PARTICIPANTS,
                    Kind.RULE);
        }
    }

    @Nested
    class DecisionsAndMinutes {

        @Test
        void anAgreedMatterIsRecordedWithItsTasks() {
            fixture.given(plenary())
                    .when(new RecordDecisionCommand(M, "d-1", "出台托育服务实施方案", false, List.of(ORDINARY_TASK)))
                    .expectEvents(ORDINARY);
        }

        @Test
        void aDecisionAfterSigningIsRefused() {
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ORDINARY, SIGNED)
                            .when(new RecordDecisionCommand(M, "d-3", "补充事项", false, List.of())),
                    DECISIONS_UNTIL_SIGNED,
                    Kind.RULE);
        }

        @Test
        void aCancelledMeetingRecordsNothing() {
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), new MeetingCancelledEvent(M, "改期"))
                            .when(new RecordDecisionCommand(M, "d-3", "x", false, List.of())),
                    CANCELLED_MEETING_REFUSES,
                    Kind.CONFLICT);
        }

        @Test
        void aTaskOfADecisionHasAnActiveLeadUnit() {
            RuleAssertions.refusedBy(
                    fixture.given(plenary())
                            .when(new RecordDecisionCommand(
                                    M,
                                    "d-1",
                                    "x",
                                    false,
                                    List.of(new TaskSpec("t-9", "x", "nowhere", List.of(), DAY.plusDays(30))))),
                    cn.qinghai.ledger.command.task.TaskRules.ONE_ACTIVE_LEAD_UNIT,
                    Kind.RULE);
        }

        @Test
        void onlyTheConvenerSignsMinutes() {
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ATTENDED, ORDINARY).when(new SignMinutesCommand(M, "jin-shengshou", DAY)),
                    ONLY_CONVENER_SIGNS,
                    Kind.RULE);
        }

        @Test
        void theConvenerSigns() {
            fixture.given(plenary(), ATTENDED, ORDINARY)
                    .when(new SignMinutesCommand(M, "kuang-yong", DAY))
                    .expectEvents(SIGNED);
        }

        @Test
        void minutesWithoutRecordedAttendanceAreNotSigned() {
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ORDINARY).when(new SignMinutesCommand(M, "kuang-yong", DAY)),
                    ATTENDANCE_BEFORE_SIGNATURE,
                    Kind.RULE);
        }

        @Test
        void minutesAreNotSignedBeforeTheMeeting() {
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ATTENDED, ORDINARY)
                            .when(new SignMinutesCommand(M, "kuang-yong", DAY.minusDays(1))),
                    SIGNED_NOT_BEFORE_MEETING,
                    Kind.RULE);
        }

        @Test
        void minutesAreNotIssuedBeforeTheyAreSigned() {
            RuleAssertions.refusedBy(
                    fixture.given(
                                    plenary(),
                                    ATTENDED,
                                    ORDINARY,
                                    new MinutesSignedEvent(M, 1, "kuang-yong", "匡湧", DAY.plusDays(1)))
                            .when(new IssueMinutesCommand(M, "青婴托联〔2026〕1号", List.of("各市州"), DAY)),
                    ISSUED_NOT_BEFORE_SIGNED,
                    Kind.RULE);
        }

        @Test
        void minutesAreNotIssuedAfterATaskTheyAssignIsDue() {
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ATTENDED, ORDINARY, SIGNED)
                            .when(new IssueMinutesCommand(
                                    M,
                                    "青婴托联〔2026〕1号",
                                    List.of("各市州"),
                                    ORDINARY_TASK.dueDate().plusDays(1))),
                    cn.qinghai.ledger.command.task.TaskRules.DUE_DATE_NOT_BEFORE_ASSIGNMENT,
                    Kind.RULE);
        }

        @Test
        void minutesIssuedOnATasksDueDateAssignIt() {
            fixture.given(plenary(), ATTENDED, ORDINARY, SIGNED)
                    .when(new IssueMinutesCommand(M, "青婴托联〔2026〕1号", List.of("各市州"), ORDINARY_TASK.dueDate()))
                    .expectEvents(
                            new MinutesIssuedEvent(
                                    M, CID, 1, "青婴托联〔2026〕1号", List.of("各市州"), ORDINARY_TASK.dueDate(), List.of("d-1")),
                            new TaskAssignedEvent(
                                    "t-1",
                                    CID,
                                    "出台实施方案",
                                    "education",
                                    List.of("finance"),
                                    ORDINARY_TASK.dueDate(),
                                    TaskSource.decision(M, "d-1", "青婴托联〔2026〕1号"),
                                    ORDINARY_TASK.dueDate()));
        }

        @Test
        void aMajorMattersTaskIsNotCheckedAtIssue() {
            fixture.given(plenary(), ATTENDED, MAJOR, SIGNED)
                    .when(new IssueMinutesCommand(
                            M,
                            "青婴托联〔2026〕1号",
                            List.of("各市州"),
                            MAJOR_TASK.dueDate().plusDays(1)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void minutesAreIssuedOnTheDayTheyAreSigned() {
            fixture.given(plenary(), ATTENDED, ORDINARY, SIGNED)
                    .when(new IssueMinutesCommand(M, "青婴托联〔2026〕1号", List.of("各市州人民政府"), DAY))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void minutesWithoutAgreedMattersAreNotSigned() {
            RuleAssertions.refusedBy(
                    fixture.given(plenary()).when(new SignMinutesCommand(M, "kuang-yong", DAY)),
                    MINUTES_RECORD_MATTERS,
                    Kind.RULE);
        }

        @Test
        void unsignedMinutesAreNotIssued() {
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ORDINARY)
                            .when(new IssueMinutesCommand(M, "青婴托联〔2026〕1号", List.of("各市州"), DAY)),
                    ISSUE_SIGNED_MINUTES_ONCE,
                    Kind.RULE);
        }

        @Test
        void issuingAssignsTheTasksOfOrdinaryMattersOnly() {
            fixture.given(plenary(), ORDINARY, MAJOR, SIGNED)
                    .when(new IssueMinutesCommand(M, "青婴托联〔2026〕1号", List.of("各市州人民政府"), DAY.plusDays(2)))
                    .expectEvents(
                            ISSUED,
                            new TaskAssignedEvent(
                                    "t-1",
                                    CID,
                                    "出台实施方案",
                                    "education",
                                    List.of("finance"),
                                    LocalDate.of(2026, 6, 30),
                                    TaskSource.decision(M, "d-1", "青婴托联〔2026〕1号"),
                                    DAY.plusDays(2)));
        }

        @Test
        void issuedMinutesAreNotIssuedAgain() {
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ORDINARY, MAJOR, SIGNED, ISSUED)
                            .when(new IssueMinutesCommand(M, "青婴托联〔2026〕2号", List.of("各市州"), DAY)),
                    ISSUE_SIGNED_MINUTES_ONCE,
                    Kind.CONFLICT);
        }

        @Test
        void aMinutesNumberIsUsedOnce() {
            when(roster.minutesNumberTaken("青婴托联〔2026〕1号")).thenReturn(true);
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ORDINARY, SIGNED)
                            .when(new IssueMinutesCommand(M, "青婴托联〔2026〕1号", List.of("各市州"), DAY)),
                    MINUTES_NUMBER_UNIQUE,
                    Kind.CONFLICT);
        }

        @Test
        void aNumberTypedWithOtherBracketsIsIssuedInItsNormalForm() {
            fixture.given(plenary(), ORDINARY, MAJOR, SIGNED)
                    .when(new IssueMinutesCommand(M, "青婴托联 [2026] 1号", List.of("各市州人民政府"), DAY.plusDays(2)))
                    .expectEvents(
                            ISSUED,
                            new TaskAssignedEvent(
                                    "t-1",
                                    CID,
                                    "出台实施方案",
                                    "education",
                                    List.of("finance"),
                                    LocalDate.of(2026, 6, 30),
                                    TaskSource.decision(M, "d-1", "青婴托联〔2026〕1号"),
                                    DAY.plusDays(2)));
        }

        @Test
        void aNumberTakenInOneSpellingIsTakenInEvery() {
            when(roster.minutesNumberTaken("青婴托联〔2026〕1号")).thenReturn(true);
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ORDINARY, SIGNED)
                            .when(new IssueMinutesCommand(M, "青婴托联（2026）1号", List.of("各市州"), DAY)),
                    MINUTES_NUMBER_UNIQUE,
                    Kind.CONFLICT);
        }

        @Test
        void aCorrectionDoesNotReuseTheNumberOfAnEarlierVersionInAnotherSpelling() {
            MinutesIssuedEvent typedWithSquareBrackets = new MinutesIssuedEvent(
                    M,
                    CID,
                    1,
                    "青婴托联[2026]1号",
                    List.of("各市州人民政府"),
                    DAY.plusDays(2),
                    List.of("d-1", "d-2")); // stored before normalising
            RuleAssertions.refusedBy(
                    fixture.given(
                                    plenary(),
                                    ORDINARY,
                                    MAJOR,
                                    SIGNED,
                                    typedWithSquareBrackets,
                                    new MinutesCorrectionOpenedEvent(M, 2, "补充"),
                                    new DecisionRecordedEvent(M, CID, "d-3", 2, "补充事项", false, List.of()),
                                    new MinutesSignedEvent(M, 2, "kuang-yong", "匡湧", DAY.plusDays(5)))
                            .when(new IssueMinutesCommand(M, "青婴托联〔2026〕1号", List.of("各市州"), DAY.plusDays(6))),
                    MINUTES_NUMBER_UNIQUE,
                    Kind.CONFLICT);
        }

        @Test
        void aCorrectionIsANewVersionThatTakesNewMatters() {
            fixture.given(plenary(), ORDINARY, MAJOR, SIGNED, ISSUED, new MinutesCorrectionOpenedEvent(M, 2, "补充"))
                    .when(new RecordDecisionCommand(M, "d-3", "补充事项", false, List.of()))
                    .expectEvents(new DecisionRecordedEvent(M, CID, "d-3", 2, "补充事项", false, List.of()));
        }

        @Test
        void aCorrectionOnlyFollowsIssuedMinutes() {
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ORDINARY).when(new OpenMinutesCorrectionCommand(M, "x")),
                    CORRECTION_AFTER_ISSUE,
                    Kind.RULE);
        }

        @Test
        void aMeetingWithSignedMinutesIsNotCancelled() {
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ORDINARY, SIGNED).when(new CancelMeetingCommand(M, "x")),
                    CANCEL_BEFORE_SIGNING,
                    Kind.RULE);
        }
    }

    /** Signed minutes a due date makes unissuable go back to the draft, change, and are signed again. */
    @Nested
    class RevisionBeforeIssue {

        final LocalDate late = ORDINARY_TASK.dueDate().plusDays(1);
        final LocalDate later = LocalDate.of(2026, 9, 30);
        final MinutesReturnedForRevisionEvent returned = new MinutesReturnedForRevisionEvent(M, 1, "完成时限已过，调整后重新签发");
        final MatterDueDatesRevisedEvent revised =
                new MatterDueDatesRevisedEvent(M, "d-1", 1, List.of(new TaskDueDate("t-1", later)), "完成时限调整");

        @Test
        void signedMinutesGoBackForRevision() {
            fixture.given(plenary(), ATTENDED, ORDINARY, SIGNED)
                    .when(new ReturnMinutesForRevisionCommand(M, "完成时限已过，调整后重新签发"))
                    .expectEvents(returned);
        }

        @Test
        void aDraftOrIssuedMinutesDoNotGoBack() {
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ATTENDED, ORDINARY).when(new ReturnMinutesForRevisionCommand(M, "x")),
                    RETURN_SIGNED_UNISSUED_MINUTES,
                    Kind.RULE);
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ATTENDED, ORDINARY, SIGNED, ISSUED)
                            .when(new ReturnMinutesForRevisionCommand(M, "x")),
                    RETURN_SIGNED_UNISSUED_MINUTES,
                    Kind.RULE);
        }

        @Test
        void signedMattersKeepTheirDueDatesUntilReturned() {
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ATTENDED, ORDINARY, SIGNED)
                            .when(new ReviseMatterDueDatesCommand(
                                    M, "d-1", List.of(new TaskDueDate("t-1", later)), "x")),
                    MATTER_CHANGES_IN_DRAFT,
                    Kind.RULE);
        }

        @Test
        void aReturnedDraftTakesNewDueDates() {
            fixture.given(plenary(), ATTENDED, ORDINARY, SIGNED, returned)
                    .when(new ReviseMatterDueDatesCommand(M, "d-1", List.of(new TaskDueDate("t-1", later)), "完成时限调整"))
                    .expectEvents(revised);
        }

        @Test
        void aDueDateChangeNamesTheMattersTasksOnceAndNotBeforeTheMeeting() {
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ATTENDED, ORDINARY)
                            .when(new ReviseMatterDueDatesCommand(
                                    M, "d-1", List.of(new TaskDueDate("t-2", later)), "x")),
                    DUE_DATES_NAME_THE_MATTERS_TASKS,
                    Kind.RULE);
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ATTENDED, ORDINARY)
                            .when(new ReviseMatterDueDatesCommand(
                                    M,
                                    "d-1",
                                    List.of(new TaskDueDate("t-1", later), new TaskDueDate("t-1", later)),
                                    "x")),
                    DUE_DATES_NAME_THE_MATTERS_TASKS,
                    Kind.RULE);
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ATTENDED, ORDINARY)
                            .when(new ReviseMatterDueDatesCommand(M, "d-1", List.of(), "x")),
                    DUE_DATES_NAME_THE_MATTERS_TASKS,
                    Kind.RULE);
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ATTENDED, ORDINARY)
                            .when(new ReviseMatterDueDatesCommand(
                                    M, "d-1", List.of(new TaskDueDate("t-1", DAY.minusDays(1))), "x")),
                    cn.qinghai.ledger.command.task.TaskRules.DUE_DATE_NOT_BEFORE_ASSIGNMENT,
                    Kind.RULE);
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ATTENDED, ORDINARY)
                            .when(new ReviseMatterDueDatesCommand(
                                    M, "d-9", List.of(new TaskDueDate("t-1", later)), "x")),
                    KNOWN_DECISION,
                    Kind.NOT_FOUND);
        }

        @Test
        void anIssuedMattersDueDatesDoNotChange() {
            RuleAssertions.refusedBy(
                    fixture.given(
                                    plenary(),
                                    ATTENDED,
                                    ORDINARY,
                                    MAJOR,
                                    SIGNED,
                                    ISSUED,
                                    new MinutesCorrectionOpenedEvent(M, 2, "补充"))
                            .when(new ReviseMatterDueDatesCommand(
                                    M, "d-1", List.of(new TaskDueDate("t-1", later)), "x")),
                    MATTER_CHANGES_IN_DRAFT,
                    Kind.RULE);
        }

        @Test
        void returnedMinutesAreSignedAgainBeforeTheyAreIssued() {
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ATTENDED, ORDINARY, SIGNED, returned, revised)
                            .when(new IssueMinutesCommand(M, "青婴托联〔2026〕1号", List.of("各市州"), late)),
                    ISSUE_SIGNED_MINUTES_ONCE,
                    Kind.RULE);
        }

        @Test
        void reSignedMinutesIssueTheTasksWithTheirNewDueDates() {
            fixture.given(
                            plenary(),
                            ATTENDED,
                            ORDINARY,
                            SIGNED,
                            returned,
                            revised,
                            new MinutesSignedEvent(M, 1, "kuang-yong", "匡湧", late))
                    .when(new IssueMinutesCommand(M, "青婴托联〔2026〕1号", List.of("各市州"), late))
                    .expectEvents(
                            new MinutesIssuedEvent(M, CID, 1, "青婴托联〔2026〕1号", List.of("各市州"), late, List.of("d-1")),
                            new TaskAssignedEvent(
                                    "t-1",
                                    CID,
                                    "出台实施方案",
                                    "education",
                                    List.of("finance"),
                                    later,
                                    TaskSource.decision(M, "d-1", "青婴托联〔2026〕1号"),
                                    late));
        }

        @Test
        void aMeetingOnceSignedIsNotCancelledAfterARevision() {
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ATTENDED, ORDINARY, SIGNED, returned)
                            .when(new CancelMeetingCommand(M, "x")),
                    CANCEL_BEFORE_SIGNING,
                    Kind.RULE);
        }
    }

    @Nested
    class MajorMatters {

        final MatterSubmittedForApprovalEvent submitted =
                new MatterSubmittedForApprovalEvent(M, "d-2", "省政府", "青婴托联呈〔2026〕1号", DAY.plusDays(3));

        @Test
        void aMajorMatterGoesUpForApprovalOnceIssued() {
            fixture.given(plenary(), ORDINARY, MAJOR, SIGNED, ISSUED)
                    .when(new SubmitForApprovalCommand(M, "d-2", "省政府", "青婴托联呈〔2026〕1号", DAY.plusDays(3)))
                    .expectEvents(submitted);
        }

        @Test
        void anOrdinaryMatterNeedsNoApproval() {
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ORDINARY, MAJOR, SIGNED, ISSUED)
                            .when(new SubmitForApprovalCommand(M, "d-1", "省政府", "x", DAY)),
                    MAJOR_MATTERS_GO_FOR_APPROVAL,
                    Kind.RULE);
        }

        @Test
        void approvalAssignsTheMajorMattersTasks() {
            fixture.given(plenary(), ORDINARY, MAJOR, SIGNED, ISSUED, submitted)
                    .when(new RecordApprovalCommand(M, "d-2", true, "省政府", "青政函〔2026〕9号", DAY.plusDays(10)))
                    .expectEvents(
                            new MatterApprovedEvent(M, "d-2", "省政府", "青政函〔2026〕9号", DAY.plusDays(10)),
                            new TaskAssignedEvent(
                                    "t-2",
                                    CID,
                                    "设立专项资金",
                                    "finance",
                                    List.of(),
                                    LocalDate.of(2026, 9, 30),
                                    TaskSource.decision(M, "d-2", "青婴托联〔2026〕1号"),
                                    DAY.plusDays(10)));
        }

        @Test
        void aRejectionClosesTheMatterWithoutTasks() {
            fixture.given(plenary(), ORDINARY, MAJOR, SIGNED, ISSUED, submitted)
                    .when(new RecordApprovalCommand(M, "d-2", false, "省政府", "青政函〔2026〕9号", DAY.plusDays(10)))
                    .expectEvents(new MatterRejectedEvent(M, "d-2", "省政府", "青政函〔2026〕9号", DAY.plusDays(10)));
        }

        @Test
        void anApprovalAnswersASubmissionOnce() {
            RuleAssertions.refusedBy(
                    fixture.given(plenary(), ORDINARY, MAJOR, SIGNED, ISSUED)
                            .when(new RecordApprovalCommand(M, "d-2", true, "省政府", "x", DAY)),
                    APPROVAL_ANSWERS_SUBMISSION,
                    Kind.CONFLICT);
        }
    }
}
