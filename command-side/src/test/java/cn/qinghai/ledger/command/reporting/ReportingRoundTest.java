package cn.qinghai.ledger.command.reporting;

import static cn.qinghai.ledger.command.reporting.ReportingRules.*;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.qinghai.ledger.command.conference.RuleAssertions;
import cn.qinghai.ledger.command.lookup.RosterLookup;
import cn.qinghai.ledger.events.RuleViolation.Kind;
import cn.qinghai.ledger.events.reporting.*;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A round of periodic work reports (报送轮次), one rule per test. */
class ReportingRoundTest {

    static final String CID = "qh";
    static final String RID = ReportingKind.roundId(CID, "2026-Q1");
    static final LocalDate OPENED = LocalDate.of(2026, 3, 2);
    static final LocalDate DUE = LocalDate.of(2026, 4, 10);
    static final List<ExpectedUnit> UNITS = List.of(
            new ExpectedUnit("health", "省卫生健康委"),
            new ExpectedUnit("education", "省教育厅"),
            new ExpectedUnit("finance", "省财政厅"));
    static final ReportingRoundOpenedEvent OPENED_EVENT = new ReportingRoundOpenedEvent(
            RID, CID, ReportingKind.QUARTERLY, "2026-Q1", "2026年第一季度", DUE, UNITS, "报送一季度工作情况", OPENED);

    AggregateTestFixture<ReportingRound> fixture;
    RosterLookup roster;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReportingRound.class);
        roster = mock(RosterLookup.class);
        when(roster.conferenceExists(CID)).thenReturn(true);
        when(roster.activeUnits(CID)).thenReturn(List.of("health", "education", "finance"));
        for (ExpectedUnit u : UNITS) {
            when(roster.isActiveUnit(CID, u.unitCode())).thenReturn(true);
            when(roster.unitName(CID, u.unitCode())).thenReturn(Optional.of(u.unitName()));
        }
        when(roster.isActiveUnit(CID, "youth-league")).thenReturn(true);
        when(roster.unitName(CID, "youth-league")).thenReturn(Optional.of("团省委"));
        fixture.registerInjectableResource(roster);
    }

    static OpenReportingRoundCommand open(ReportingKind kind, String period, LocalDate due, List<String> units) {
        return new OpenReportingRoundCommand(
                ReportingKind.roundId(CID, period), CID, kind, period, due, units, " 报送一季度工作情况 ", OPENED);
    }

    static OffsetDateTime on(String day) {
        return OffsetDateTime.parse(day + "T10:00:00+08:00");
    }

    static SubmitWorkReportCommand report(String unit, String day) {
        return new SubmitWorkReportCommand(RID, unit, "一季度完成托位建设。", "青教函〔2026〕3号", on(day));
    }

    @Test
    void opensForEveryActiveMemberUnitWhenNoneAreNamed() {
        fixture.givenNoPriorActivity()
                .when(open(ReportingKind.QUARTERLY, "2026-Q1", DUE, List.of()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(OPENED_EVENT);
    }

    @Test
    void theSamePeriodIsOpenedOnce() {
        RuleAssertions.refusedBy(
                fixture.given(OPENED_EVENT).when(open(ReportingKind.QUARTERLY, "2026-Q1", DUE, List.of())),
                ROUND_OPENED_ONCE,
                Kind.CONFLICT);
    }

    @Test
    void aDissolvedOrUnknownConferenceOpensNoRound() {
        when(roster.isDissolved(CID)).thenReturn(true);
        RuleAssertions.refusedBy(
                fixture.givenNoPriorActivity().when(open(ReportingKind.QUARTERLY, "2026-Q1", DUE, List.of())),
                ROUNDS_OF_A_LIVING_CONFERENCE,
                Kind.RULE);
    }

    @Test
    void thePeriodIsWrittenAsItsKindsPeriodsAre() {
        RuleAssertions.refusedBy(
                fixture.givenNoPriorActivity().when(open(ReportingKind.QUARTERLY, "2026-H1", DUE, List.of())),
                ROUND_PERIOD_MATCHES_KIND,
                Kind.RULE);
        setUp(); // a fixture follows one aggregate id
        RuleAssertions.refusedBy(
                fixture.givenNoPriorActivity().when(open(ReportingKind.ANNUAL, "2026-Q4", DUE, List.of())),
                ROUND_PERIOD_MATCHES_KIND,
                Kind.RULE);
        setUp();
        fixture.givenNoPriorActivity()
                .when(open(ReportingKind.HALF_YEAR, "2026-H1", DUE, List.of("health")))
                .expectEvents(new ReportingRoundOpenedEvent(
                        ReportingKind.roundId(CID, "2026-H1"),
                        CID,
                        ReportingKind.HALF_YEAR,
                        "2026-H1",
                        "2026年上半年",
                        DUE,
                        UNITS.subList(0, 1),
                        "报送一季度工作情况",
                        OPENED));
    }

    @Test
    void theDueDateIsNotBeforeTheOpeningDay() {
        RuleAssertions.refusedBy(
                fixture.givenNoPriorActivity()
                        .when(open(ReportingKind.QUARTERLY, "2026-Q1", OPENED.minusDays(1), List.of())),
                ROUND_DUE_NOT_BEFORE_OPENING,
                Kind.RULE);
        fixture.givenNoPriorActivity()
                .when(open(ReportingKind.QUARTERLY, "2026-Q1", OPENED, List.of()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void expectedUnitsAreActiveMemberUnitsNamedOnce() {
        RuleAssertions.refusedBy(
                fixture.givenNoPriorActivity()
                        .when(open(ReportingKind.QUARTERLY, "2026-Q1", DUE, List.of("health", "removed-unit"))),
                ROUND_COLLECTS_FROM_MEMBER_UNITS,
                Kind.RULE);
        RuleAssertions.refusedBy(
                fixture.givenNoPriorActivity()
                        .when(open(ReportingKind.QUARTERLY, "2026-Q1", DUE, List.of("health", "health"))),
                ROUND_COLLECTS_FROM_MEMBER_UNITS,
                Kind.RULE);
    }

    @Test
    void aUnitAddedLaterIsExpectedOnceTheOfficeAddsIt() {
        RuleAssertions.refusedBy(
                fixture.given(OPENED_EVENT)
                        .when(new SubmitWorkReportCommand(RID, "youth-league", "x", null, on("2026-03-05"))),
                ONLY_EXPECTED_UNITS_REPORT,
                Kind.RULE);
        ExpectedUnitAddedEvent added =
                new ExpectedUnitAddedEvent(RID, CID, new ExpectedUnit("youth-league", "团省委"), OPENED);
        fixture.given(OPENED_EVENT)
                .when(new AddExpectedUnitCommand(RID, "youth-league", OPENED))
                .expectEvents(added);
        RuleAssertions.refusedBy(
                fixture.given(OPENED_EVENT, added).when(new AddExpectedUnitCommand(RID, "youth-league", OPENED)),
                ROUND_COLLECTS_FROM_MEMBER_UNITS,
                Kind.RULE);
        fixture.given(OPENED_EVENT, added)
                .when(new SubmitWorkReportCommand(RID, "youth-league", "x", null, on("2026-03-05")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aSecondReportSupersedesTheFirstAndBothAreKept() {
        WorkReportSubmittedEvent first = new WorkReportSubmittedEvent(
                RID,
                CID,
                "education",
                1,
                "一季度完成托位建设。",
                "青教函〔2026〕3号",
                on("2026-04-01"),
                LocalDate.of(2026, 4, 1),
                false);
        fixture.given(OPENED_EVENT).when(report("education", "2026-04-01")).expectEvents(first);
        fixture.given(OPENED_EVENT, first)
                .when(report("education", "2026-04-10"))
                .expectEvents(new WorkReportSubmittedEvent(
                        RID, CID, "education", 2, "一季度完成托位建设。", "青教函〔2026〕3号", on("2026-04-10"), DUE, false));
    }

    @Test
    void aReportAfterTheDueDateIsAcceptedAndMarkedLate() {
        fixture.given(OPENED_EVENT)
                .when(report("finance", "2026-04-11"))
                .expectEvents(new WorkReportSubmittedEvent(
                        RID,
                        CID,
                        "finance",
                        1,
                        "一季度完成托位建设。",
                        "青教函〔2026〕3号",
                        on("2026-04-11"),
                        LocalDate.of(2026, 4, 11),
                        true));
        // LATE_REPORT_MARKED: accepted, not refused
        org.assertj.core.api.Assertions.assertThat(LATE_REPORT_MARKED).isEqualTo("LateReportAcceptedAndMarked");
    }

    @Test
    void onlyUnitsThatHaveNotReportedAreUrged() {
        WorkReportSubmittedEvent reported = new WorkReportSubmittedEvent(
                RID, CID, "education", 1, "x", null, on("2026-04-01"), LocalDate.of(2026, 4, 1), false);
        fixture.given(OPENED_EVENT, reported)
                .when(new UrgeWorkReportCommand(RID, "finance", " 请尽快报送 ", on("2026-04-11")))
                .expectEvents(new WorkReportUrgedEvent(RID, CID, "finance", "请尽快报送", on("2026-04-11")));
        RuleAssertions.refusedBy(
                fixture.given(OPENED_EVENT, reported)
                        .when(new UrgeWorkReportCommand(RID, "education", "请尽快报送", on("2026-04-11"))),
                URGE_ONLY_UNITS_NOT_REPORTED,
                Kind.RULE);
        RuleAssertions.refusedBy(
                fixture.given(OPENED_EVENT)
                        .when(new UrgeWorkReportCommand(RID, "youth-league", "请尽快报送", on("2026-04-11"))),
                URGE_ONLY_UNITS_NOT_REPORTED,
                Kind.RULE);
    }

    @Test
    void closingRecordsWhoNeverReportedAndNothingIsAcceptedAfterwards() {
        WorkReportSubmittedEvent reported = new WorkReportSubmittedEvent(
                RID, CID, "education", 1, "x", null, on("2026-04-01"), LocalDate.of(2026, 4, 1), false);
        ReportingRoundClosedEvent closed =
                new ReportingRoundClosedEvent(RID, CID, LocalDate.of(2026, 4, 11), List.of("health", "finance"));
        fixture.given(OPENED_EVENT, reported)
                .when(new CloseReportingRoundCommand(RID, LocalDate.of(2026, 4, 11)))
                .expectEvents(closed);
        RuleAssertions.refusedBy(
                fixture.given(OPENED_EVENT, reported, closed).when(report("finance", "2026-04-12")),
                ROUND_IS_OPEN,
                Kind.CONFLICT);
        RuleAssertions.refusedBy(
                fixture.given(OPENED_EVENT, reported, closed)
                        .when(new UrgeWorkReportCommand(RID, "finance", "x", on("2026-04-12"))),
                ROUND_IS_OPEN,
                Kind.CONFLICT);
        RuleAssertions.refusedBy(
                fixture.given(OPENED_EVENT, reported, closed)
                        .when(new AddExpectedUnitCommand(RID, "youth-league", LocalDate.of(2026, 4, 12))),
                ROUND_IS_OPEN,
                Kind.CONFLICT);
        RuleAssertions.refusedBy(
                fixture.given(OPENED_EVENT, reported, closed)
                        .when(new CloseReportingRoundCommand(RID, LocalDate.of(2026, 4, 12))),
                ROUND_CLOSED_ONCE,
                Kind.CONFLICT);
    }

    @Test
    void aRoundClosesAfterItsDueDateUnlessEveryUnitHasReported() {
        RuleAssertions.refusedBy(
                fixture.given(OPENED_EVENT).when(new CloseReportingRoundCommand(RID, DUE)),
                ROUND_CLOSES_AFTER_DUE_DATE,
                Kind.RULE);
        fixture.given(
                        OPENED_EVENT,
                        new WorkReportSubmittedEvent(
                                RID, CID, "health", 1, "x", null, on("2026-04-01"), LocalDate.of(2026, 4, 1), false),
                        new WorkReportSubmittedEvent(
                                RID, CID, "education", 1, "x", null, on("2026-04-01"), LocalDate.of(2026, 4, 1), false),
                        new WorkReportSubmittedEvent(
                                RID, CID, "finance", 1, "x", null, on("2026-04-01"), LocalDate.of(2026, 4, 1), false))
                .when(new CloseReportingRoundCommand(RID, LocalDate.of(2026, 4, 2)))
                .expectEvents(new ReportingRoundClosedEvent(RID, CID, LocalDate.of(2026, 4, 2), List.of()));
    }

    @Test
    void periodsReadAsTheOfficeWritesThem() {
        org.assertj.core.api.Assertions.assertThat(List.of(
                        ReportingKind.QUARTERLY.label("2026-Q3"),
                        ReportingKind.HALF_YEAR.label("2026-H2"),
                        ReportingKind.ANNUAL.label("2026")))
                .containsExactly("2026年第三季度", "2026年下半年", "2026年度");
    }
}
