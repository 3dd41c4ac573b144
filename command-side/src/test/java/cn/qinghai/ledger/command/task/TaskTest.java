package cn.qinghai.ledger.command.task;

import static cn.qinghai.ledger.command.task.TaskRules.*;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import cn.qinghai.ledger.command.lookup.RosterLookup;
import cn.qinghai.ledger.command.lookup.RosterStubs;
import cn.qinghai.ledger.events.RuleViolation.Kind;
import cn.qinghai.ledger.events.task.*;
import cn.qinghai.ledger.testsupport.RuleAssertions;
import cn.qinghai.ledger.testsupport.Xining;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The supervision rules, one behaviour per test, with the overdue deadline as an expectation. */
class TaskTest {

    static final ZoneId ZONE = Xining.ZONE;
    static final String T = "task-1";
    static final String CID = "qh";
    static final LocalDate ASSIGNED = LocalDate.of(2026, 3, 2);
    static final LocalDate DUE = LocalDate.of(2026, 6, 30);
    static final Instant DUE_PASSES = DUE.plusDays(1).atStartOfDay(ZONE).toInstant();
    static final OffsetDateTime NOW =
            OffsetDateTime.of(2026, 4, 1, 10, 0, 0, 0, ZONE.getRules().getOffset(Instant.now()));

    AggregateTestFixture<Task> fixture;
    RosterLookup roster;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
        roster = RosterStubs.conferenceWithUnits(CID, List.of("health", "education", "finance"));
        fixture.registerInjectableResource(roster);
        fixture.registerInjectableResource(new TaskDeadlines(ZONE));
    }

    static TaskAssignedEvent assigned() {
        return new TaskAssignedEvent(
                T, CID, "制定托育服务实施方案", "education", List.of("finance"), DUE, TaskSource.direct("省政府领导批示"), ASSIGNED);
    }

    static AssignTaskCommand assign(String lead, List<String> co, LocalDate due) {
        return new AssignTaskCommand(T, CID, "制定托育服务实施方案", lead, co, due, TaskSource.direct("省政府领导批示"), ASSIGNED);
    }

    static final ProgressReportedEvent LEAD_DONE = new ProgressReportedEvent(T, "education", 100, "方案已印发", NOW);
    static final CompletionSubmittedEvent SUBMITTED =
            new CompletionSubmittedEvent(T, "education", "已完成", List.of("方案文件"), DUE.minusDays(1));

    @Nested
    class Assignment {

        @Test
        void aTaskHasOneActiveLeadUnitAndItsDueDateIsWatched() {
            fixture.givenNoPriorActivity()
                    .when(assign("education", List.of("finance"), DUE))
                    .expectEvents(assigned())
                    .expectScheduledDeadlineWithName(DUE_PASSES, TaskDeadlines.OVERDUE);
        }

        @Test
        void theLeadUnitMustBeAnActiveMemberUnit() {
            RuleAssertions.refusedBy(
                    fixture.givenNoPriorActivity().when(assign("nowhere", List.of(), DUE)),
                    ONE_ACTIVE_LEAD_UNIT,
                    Kind.RULE);
        }

        @Test
        void coUnitsAreActiveMemberUnitsOtherThanTheLead() {
            RuleAssertions.refusedBy(
                    fixture.givenNoPriorActivity().when(assign("education", List.of("education"), DUE)),
                    CO_UNITS_ARE_ACTIVE_MEMBER_UNITS,
                    Kind.RULE);
            RuleAssertions.refusedBy(
                    fixture.givenNoPriorActivity().when(assign("education", List.of("nowhere"), DUE)),
                    CO_UNITS_ARE_ACTIVE_MEMBER_UNITS,
                    Kind.RULE);
        }

        @Test
        void aDissolvedConferenceGetsNoTasks() {
            when(roster.isDissolved(CID)).thenReturn(true);
            RuleAssertions.refusedBy(
                    fixture.givenNoPriorActivity().when(assign("education", List.of(), DUE)),
                    TASKS_OF_A_LIVING_CONFERENCE,
                    Kind.RULE);
        }

        @Test
        void aDirectInstructionIsNotDueBeforeItIsGiven() {
            RuleAssertions.refusedBy(
                    fixture.givenNoPriorActivity().when(assign("education", List.of(), ASSIGNED.minusDays(1))),
                    DUE_DATE_NOT_BEFORE_ASSIGNMENT,
                    Kind.RULE);
        }

        @Test
        void aTaskIdIsUsedOnce() {
            when(roster.taskExists(anyString())).thenReturn(true);
            RuleAssertions.refusedBy(
                    fixture.givenNoPriorActivity().when(assign("education", List.of(), DUE)),
                    TASK_ID_UNIQUE,
                    Kind.CONFLICT);
        }
    }

    @Nested
    class Progress {

        @Test
        void onlyTheLeadUnitAcknowledgesOnce() {
            fixture.given(assigned())
                    .when(new AcknowledgeTaskCommand(T, "education", ASSIGNED))
                    .expectEvents(new TaskAcknowledgedEvent(T, "education", ASSIGNED));
            RuleAssertions.refusedBy(
                    fixture.given(assigned()).when(new AcknowledgeTaskCommand(T, "finance", ASSIGNED)),
                    LEAD_UNIT_ACKNOWLEDGES_ONCE,
                    Kind.RULE);
            RuleAssertions.refusedBy(
                    fixture.given(assigned(), new TaskAcknowledgedEvent(T, "education", ASSIGNED))
                            .when(new AcknowledgeTaskCommand(T, "education", ASSIGNED)),
                    LEAD_UNIT_ACKNOWLEDGES_ONCE,
                    Kind.RULE);
        }

        @Test
        void theLeadUnitsFirstReportOnAnUnacknowledgedTaskAcknowledgesIt() {
            fixture.given(assigned())
                    .when(new ReportProgressCommand(T, "education", 20, "已部署", NOW))
                    .expectEvents(
                            new TaskAcknowledgedWithFirstReportEvent(T, "education", NOW.toLocalDate()),
                            new ProgressReportedEvent(T, "education", 20, "已部署", NOW));
        }

        @Test
        void aCoUnitsReportDoesNotAcknowledge() {
            fixture.given(assigned())
                    .when(new ReportProgressCommand(T, "finance", 10, "资金测算", NOW))
                    .expectEvents(new ProgressReportedEvent(T, "finance", 10, "资金测算", NOW));
            fixture.given(assigned(), new ProgressReportedEvent(T, "finance", 10, "资金测算", NOW))
                    .when(new ReportProgressCommand(T, "education", 20, "已部署", NOW))
                    .expectEvents(
                            new TaskAcknowledgedWithFirstReportEvent(T, "education", NOW.toLocalDate()),
                            new ProgressReportedEvent(T, "education", 20, "已部署", NOW));
        }

        @Test
        void theLeadUnitAcknowledgesATaskACoUnitAlreadyReportedOn() {
            fixture.given(assigned(), new ProgressReportedEvent(T, "finance", 10, "资金测算", NOW))
                    .when(new AcknowledgeTaskCommand(T, "education", ASSIGNED))
                    .expectEvents(new TaskAcknowledgedEvent(T, "education", ASSIGNED));
        }

        @Test
        void anAcknowledgedTaskIsNotAcknowledgedAgainByAReport() {
            fixture.given(assigned(), new TaskAcknowledgedEvent(T, "education", ASSIGNED))
                    .when(new ReportProgressCommand(T, "education", 20, "已部署", NOW))
                    .expectEvents(new ProgressReportedEvent(T, "education", 20, "已部署", NOW));
            RuleAssertions.refusedBy(
                    fixture.given(
                                    assigned(),
                                    new TaskAcknowledgedWithFirstReportEvent(T, "education", NOW.toLocalDate()),
                                    new ProgressReportedEvent(T, "education", 20, "已部署", NOW))
                            .when(new AcknowledgeTaskCommand(T, "education", ASSIGNED)),
                    LEAD_UNIT_ACKNOWLEDGES_ONCE,
                    Kind.RULE);
        }

        @Test
        void theLeadAndCoUnitsReportProgress() {
            fixture.given(assigned())
                    .when(new ReportProgressCommand(T, "finance", 30, "资金已落实", NOW))
                    .expectEvents(new ProgressReportedEvent(T, "finance", 30, "资金已落实", NOW));
        }

        @Test
        void aUnitNotOnTheTaskDoesNotReport() {
            RuleAssertions.refusedBy(
                    fixture.given(assigned()).when(new ReportProgressCommand(T, "health", 30, "x", NOW)),
                    ONLY_ASSIGNED_UNITS_REPORT,
                    Kind.RULE);
        }

        @Test
        void percentCompleteNeverGoesDown() {
            RuleAssertions.refusedBy(
                    fixture.given(assigned(), new ProgressReportedEvent(T, "education", 60, "x", NOW))
                            .when(new ReportProgressCommand(T, "education", 40, "y", NOW)),
                    PROGRESS_NEVER_GOES_DOWN,
                    Kind.RULE);
        }

        @Test
        void eachUnitHasItsOwnProgress() {
            fixture.given(assigned(), new ProgressReportedEvent(T, "education", 60, "x", NOW))
                    .when(new ReportProgressCommand(T, "finance", 10, "y", NOW))
                    .expectEvents(new ProgressReportedEvent(T, "finance", 10, "y", NOW));
        }

        @Test
        void afterAReturnProgressMayGoDown() {
            fixture.given(
                            assigned(),
                            new ProgressReportedEvent(T, "education", 100, "x", NOW),
                            SUBMITTED,
                            new TaskReturnedEvent(T, "证据不足", DUE.minusDays(1)))
                    .when(new ReportProgressCommand(T, "education", 70, "补充材料中", NOW))
                    .expectEvents(new ProgressReportedEvent(T, "education", 70, "补充材料中", NOW));
        }

        @Test
        void nothingIsReportedWhileTheCompletionAwaitsTheOffice() {
            RuleAssertions.refusedBy(
                    fixture.given(assigned(), SUBMITTED).when(new ReportProgressCommand(T, "education", 100, "x", NOW)),
                    COMPLETION_AWAITS_DECISION,
                    Kind.CONFLICT);
        }

        @Test
        void theOfficeUrges() {
            fixture.given(assigned())
                    .when(new UrgeTaskCommand(T, "请加快进度", NOW))
                    .expectEvents(new TaskUrgedEvent(T, "请加快进度", NOW));
        }
    }

    @Nested
    class Extensions {

        final LocalDate later = DUE.plusMonths(1);

        ExtensionRequestedEvent requested() {
            return new ExtensionRequestedEvent(T, "r1", "education", DUE, later, "资金未到位", DUE.minusDays(5));
        }

        @Test
        void theLeadUnitAsksBeforeTheDueDateWithAReason() {
            fixture.given(assigned())
                    .when(new RequestExtensionCommand(T, "r1", "education", later, "资金未到位", DUE.minusDays(5)))
                    .expectEvents(requested());
        }

        @Test
        void aRequestAfterTheDueDateIsRefused() {
            RuleAssertions.refusedBy(
                    fixture.given(assigned())
                            .when(new RequestExtensionCommand(T, "r1", "education", later, "晚了", DUE.plusDays(1))),
                    EXTENSION_BEFORE_DUE_DATE,
                    Kind.RULE);
        }

        @Test
        void onlyTheLeadUnitAsks() {
            RuleAssertions.refusedBy(
                    fixture.given(assigned())
                            .when(new RequestExtensionCommand(T, "r1", "finance", later, "x", DUE.minusDays(5))),
                    LEAD_UNIT_REQUESTS_EXTENSION,
                    Kind.RULE);
        }

        @Test
        void anExtensionMovesTheDueDateLater() {
            RuleAssertions.refusedBy(
                    fixture.given(assigned())
                            .when(new RequestExtensionCommand(T, "r1", "education", DUE, "x", DUE.minusDays(5))),
                    EXTENSION_MOVES_DUE_DATE_LATER,
                    Kind.RULE);
        }

        @Test
        void oneRequestAtATime() {
            RuleAssertions.refusedBy(
                    fixture.given(assigned(), requested())
                            .when(new RequestExtensionCommand(
                                    T, "r2", "education", later.plusDays(1), "x", DUE.minusDays(4))),
                    ONE_PENDING_EXTENSION,
                    Kind.CONFLICT);
        }

        @Test
        void grantingKeepsTheOriginalDueDateAndMovesTheDeadline() {
            fixture.given(assigned(), requested())
                    .when(new GrantExtensionCommand(T, "r1", "同意", DUE.minusDays(3)))
                    .expectEvents(new DeadlineExtendedEvent(T, "r1", DUE, DUE, later, "同意", DUE.minusDays(3)))
                    .expectScheduledDeadlineWithName(
                            later.plusDays(1).atStartOfDay(ZONE).toInstant(), TaskDeadlines.OVERDUE);
        }

        @Test
        void aDeniedRequestChangesNothingElse() {
            fixture.given(assigned(), requested())
                    .when(new DenyExtensionCommand(T, "r1", "理由不充分", DUE.minusDays(3)))
                    .expectEvents(new ExtensionDeniedEvent(T, "r1", "理由不充分", DUE.minusDays(3)));
        }

        @Test
        void anUnknownRequestIsNotFound() {
            RuleAssertions.refusedBy(
                    fixture.given(assigned()).when(new GrantExtensionCommand(T, "nope", null, DUE)),
                    KNOWN_EXTENSION_REQUEST,
                    Kind.NOT_FOUND);
        }
    }

    @Nested
    class CompletionAndClosure {

        @Test
        void onlyTheLeadUnitSubmitsCompletion() {
            RuleAssertions.refusedBy(
                    fixture.given(assigned()).when(new SubmitCompletionCommand(T, "finance", "完成", List.of(), DUE)),
                    LEAD_UNIT_SUBMITS_COMPLETION,
                    Kind.RULE);
        }

        @Test
        void theOfficeClosesASubmittedTaskAndKeepsWhetherItWasOnTime() {
            fixture.given(assigned(), LEAD_DONE, SUBMITTED)
                    .when(new CloseTaskCommand(T, "同意销号", DUE.plusDays(3)))
                    .expectEvents(new TaskClosedEvent(T, "同意销号", DUE.plusDays(3), DUE, DUE.minusDays(1), true));
        }

        @Test
        void aLateCompletionClosesLate() {
            fixture.given(
                            assigned(),
                            LEAD_DONE,
                            new TaskBecameOverdueEvent(T, CID, "education", DUE),
                            new CompletionSubmittedEvent(T, "education", "完成", List.of(), DUE.plusDays(10)))
                    .when(new CloseTaskCommand(T, null, DUE.plusDays(11)))
                    .expectEvents(new TaskClosedEvent(T, null, DUE.plusDays(11), DUE, DUE.plusDays(10), false));
        }

        @Test
        void completionIsSubmittedOnlyAtOneHundredPercent() {
            RuleAssertions.refusedBy(
                    fixture.given(
                                    assigned(),
                                    new ProgressReportedEvent(T, "education", 90, "x", NOW),
                                    new ProgressReportedEvent(T, "finance", 100, "y", NOW))
                            .when(new SubmitCompletionCommand(T, "education", "完成", List.of(), DUE)),
                    COMPLETION_MEANS_ONE_HUNDRED_PERCENT,
                    Kind.RULE);
            fixture.given(assigned(), LEAD_DONE)
                    .when(new SubmitCompletionCommand(T, "education", "完成", List.of(), DUE.minusDays(1)))
                    .expectEvents(new CompletionSubmittedEvent(T, "education", "完成", List.of(), DUE.minusDays(1)));
        }

        @Test
        void afterAReturnTheLeadUnitReportsOneHundredPercentAgainBeforeResubmitting() {
            RuleAssertions.refusedBy(
                    fixture.given(assigned(), LEAD_DONE, SUBMITTED, new TaskReturnedEvent(T, "证据不足", DUE.minusDays(1)))
                            .when(new SubmitCompletionCommand(T, "education", "已补充", List.of(), DUE)),
                    COMPLETION_MEANS_ONE_HUNDRED_PERCENT,
                    Kind.RULE);
        }

        @Test
        void aCompletionSubmittedBelowOneHundredPercentIsNotClosed() {
            // a submission stored before the rule: the office returns it rather than closing it
            RuleAssertions.refusedBy(
                    fixture.given(assigned(), new ProgressReportedEvent(T, "education", 60, "x", NOW), SUBMITTED)
                            .when(new CloseTaskCommand(T, null, DUE)),
                    COMPLETION_MEANS_ONE_HUNDRED_PERCENT,
                    Kind.RULE);
            fixture.given(assigned(), new ProgressReportedEvent(T, "education", 60, "x", NOW), SUBMITTED)
                    .when(new ReturnTaskCommand(T, "未完成", DUE.minusDays(1)))
                    .expectEvents(new TaskReturnedEvent(T, "未完成", DUE.minusDays(1)));
        }

        @Test
        void onlyASubmittedCompletionIsClosedOrReturned() {
            RuleAssertions.refusedBy(
                    fixture.given(assigned()).when(new CloseTaskCommand(T, null, DUE)),
                    DECIDE_ONLY_SUBMITTED_COMPLETION,
                    Kind.CONFLICT);
            RuleAssertions.refusedBy(
                    fixture.given(assigned()).when(new ReturnTaskCommand(T, "x", DUE)),
                    DECIDE_ONLY_SUBMITTED_COMPLETION,
                    Kind.CONFLICT);
        }

        @Test
        void aClosedTaskRefusesEverything() {
            var closed = fixture.given(
                    assigned(), SUBMITTED, new TaskClosedEvent(T, null, DUE, DUE, DUE.minusDays(1), true));
            RuleAssertions.refusedBy(closed.when(new UrgeTaskCommand(T, "x", NOW)), CLOSED_TASK_REFUSES, Kind.CONFLICT);
        }

        @Test
        void aReturnAfterTheDueDateMakesTheTaskOverdue() {
            fixture.given(assigned(), SUBMITTED)
                    .when(new ReturnTaskCommand(T, "证据不足", DUE.plusDays(2)))
                    .expectEvents(
                            new TaskReturnedEvent(T, "证据不足", DUE.plusDays(2)),
                            new TaskBecameOverdueEvent(T, CID, "education", DUE));
        }
    }

    @Nested
    class Deadlines {

        @Test
        void whenTheDueDatePassesTheTaskBecomesOverdue() {
            fixture.givenCurrentTime(ASSIGNED.atStartOfDay(ZONE).toInstant())
                    .andGivenCommands(assign("education", List.of(), DUE))
                    .whenTimeAdvancesTo(DUE_PASSES.plus(Duration.ofMinutes(1)))
                    .expectTriggeredDeadlinesWithName(TaskDeadlines.OVERDUE)
                    .expectEvents(new TaskBecameOverdueEvent(T, CID, "education", DUE));
        }

        @Test
        void aTaskCompletedInTimeDoesNotBecomeOverdue() {
            fixture.givenCurrentTime(ASSIGNED.atStartOfDay(ZONE).toInstant())
                    .andGivenCommands(
                            assign("education", List.of(), DUE),
                            new AcknowledgeTaskCommand(T, "education", ASSIGNED),
                            new ReportProgressCommand(T, "education", 100, "完成", NOW),
                            new SubmitCompletionCommand(T, "education", "完成", List.of(), DUE.minusDays(1)))
                    .whenTimeAdvancesTo(DUE_PASSES.plus(Duration.ofMinutes(1)))
                    .expectNoEvents();
        }

        @Test
        void anExtendedTaskIsNotOverdueAtTheOldDate() {
            fixture.givenCurrentTime(ASSIGNED.atStartOfDay(ZONE).toInstant())
                    .andGivenCommands(
                            assign("education", List.of(), DUE),
                            new RequestExtensionCommand(T, "r1", "education", DUE.plusMonths(1), "x", DUE.minusDays(5)),
                            new GrantExtensionCommand(T, "r1", null, DUE.minusDays(4)))
                    .whenTimeAdvancesTo(DUE_PASSES.plus(Duration.ofMinutes(1)))
                    .expectNoEvents();
        }
    }
}
