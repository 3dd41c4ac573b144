package cn.qinghai.ledger.command.circular;

import static cn.qinghai.ledger.command.circular.CircularRules.*;
import static org.mockito.Mockito.when;

import cn.qinghai.ledger.command.lookup.RosterLookup;
import cn.qinghai.ledger.command.lookup.RosterStubs;
import cn.qinghai.ledger.events.RuleViolation.Kind;
import cn.qinghai.ledger.events.circular.CircularCorrectedEvent;
import cn.qinghai.ledger.events.circular.CircularIssuedEvent;
import cn.qinghai.ledger.events.circular.CorrectCircularCommand;
import cn.qinghai.ledger.events.circular.IssueCircularCommand;
import cn.qinghai.ledger.events.task.CircularUnitRow;
import cn.qinghai.ledger.events.task.CircularView;
import cn.qinghai.ledger.testsupport.RuleAssertions;
import cn.qinghai.ledger.testsupport.Xining;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issuing a circular (印发通报), one rule per test. */
class CircularTest {

    static final String CID = "qh";
    static final LocalDate TODAY = LocalDate.of(2026, 4, 3);
    static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    static final LocalDate TO = LocalDate.of(2026, 3, 31);
    static final List<String> TO_UNITS = List.of("各成员单位", "省政府办公厅");

    static final CircularUnitRow EDUCATION = new CircularUnitRow(CID, "education", "省教育厅", 2, 1, 1, 0, 1, 3, 0);
    static final CircularUnitRow FINANCE = new CircularUnitRow(CID, "finance", "省财政厅", 1, 0, 0, 1, 1, 0, 2);
    static final CircularView FIGURES = new CircularView(
            CID,
            FROM,
            TO,
            TO,
            List.of(EDUCATION, FINANCE),
            new CircularUnitRow(CID, null, "合计", 3, 1, 1, 1, 2, 3, 2),
            List.of());

    AggregateTestFixture<Circular> fixture;
    RosterLookup roster;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Circular.class);
        roster = RosterStubs.conferenceWithUnits(CID, List.of());
        when(roster.circularNumberTaken("青联办通〔2026〕2号")).thenReturn(true);
        fixture.registerInjectableResource(roster);
        fixture.registerInjectableResource(Xining.fixedAtStartOf(TODAY));
    }

    static IssueCircularCommand issue(
            String documentNo,
            LocalDate from,
            LocalDate to,
            List<String> distribution,
            String commendation,
            String urging,
            LocalDate issuedOn) {
        return new IssueCircularCommand(
                "c-2026-3",
                CID,
                from,
                to,
                documentNo,
                distribution,
                commendation,
                urging,
                issuedOn,
                new CircularView(CID, from, to, to, FIGURES.units(), FIGURES.totals(), List.of()));
    }

    static IssueCircularCommand issue() {
        return issue("青联办通[2026]3号", FROM, TO, TO_UNITS, " 省教育厅按期办结全部事项。 ", "省财政厅有一项逾期。", TODAY);
    }

    @Test
    void issuesWithTheNumberInItsNormalFormAndTheTextStripped() {
        fixture.givenNoPriorActivity()
                .when(issue())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CircularIssuedEvent(
                        "c-2026-3",
                        CID,
                        FROM,
                        TO,
                        "青联办通〔2026〕3号",
                        TO_UNITS,
                        "省教育厅按期办结全部事项。",
                        "省财政厅有一项逾期。",
                        TODAY,
                        FIGURES));
    }

    static IssueCircularCommand withFigures(CircularView figures) {
        IssueCircularCommand c = issue();
        return new IssueCircularCommand(
                c.circularId(),
                c.conferenceId(),
                c.from(),
                c.to(),
                c.documentNo(),
                c.distribution(),
                c.commendation(),
                c.urging(),
                c.issuedOn(),
                figures);
    }

    void figuresRefused(CircularView figures) {
        RuleAssertions.refusedBy(
                fixture.givenNoPriorActivity().when(withFigures(figures)), CARRIES_ITS_FIGURES, Kind.RULE);
    }

    @Test
    void aCircularCarriesTheFiguresOfItsOwnPeriodWithTotalsThatAddUp() {
        figuresRefused(null);
        figuresRefused(new CircularView(
                CID, FROM, TO, TO, java.util.Arrays.asList(EDUCATION, null), FIGURES.totals(), List.of()));
        CircularView february = new CircularView(
                CID,
                FROM.minusMonths(1),
                TO.minusMonths(1),
                TO.minusMonths(1),
                FIGURES.units(),
                FIGURES.totals(),
                List.of());
        figuresRefused(february);
        CircularView wrongTotals = new CircularView(
                CID,
                FROM,
                TO,
                TO,
                FIGURES.units(),
                new CircularUnitRow(CID, null, "合计", 4, 1, 1, 1, 2, 3, 2),
                List.of());
        figuresRefused(wrongTotals);
        CircularUnitRow impossible = new CircularUnitRow(CID, "education", "省教育厅", 2, 1, 2, 0, 1, 3, 0);
        CircularView moreOnTimeThanClosed = new CircularView(
                CID,
                FROM,
                TO,
                TO,
                List.of(impossible, FINANCE),
                new CircularUnitRow(CID, null, "合计", 3, 1, 2, 1, 2, 3, 2),
                List.of());
        figuresRefused(moreOnTimeThanClosed);
    }

    @Test
    void aCircularOfADissolvedOrUnknownConferenceIsRefused() {
        when(roster.isDissolved(CID)).thenReturn(true);
        RuleAssertions.refusedBy(
                fixture.givenNoPriorActivity().when(issue()), CIRCULARS_OF_A_LIVING_CONFERENCE, Kind.RULE);
    }

    @Test
    void aNumberTakenByAnotherCircularInAnotherSpellingIsAConflict() {
        RuleAssertions.refusedBy(
                fixture.givenNoPriorActivity().when(issue("青联办通（2026）02号", FROM, TO, TO_UNITS, "", "", TODAY)),
                CIRCULAR_NUMBER_UNIQUE,
                Kind.CONFLICT);
    }

    @Test
    void theNumberIsNotBlank() {
        RuleAssertions.refusedBy(
                fixture.givenNoPriorActivity().when(issue(" \u3000", FROM, TO, TO_UNITS, "", "", TODAY)),
                CIRCULAR_NUMBER_UNIQUE,
                Kind.RULE);
    }

    @Test
    void thePeriodRunsForwards() {
        RuleAssertions.refusedBy(
                fixture.givenNoPriorActivity().when(issue("青联办通〔2026〕3号", TO, FROM, TO_UNITS, "", "", TODAY)),
                PERIOD_IS_OVER,
                Kind.RULE);
    }

    @Test
    void thePeriodIsOverByToday() {
        RuleAssertions.refusedBy(
                fixture.givenNoPriorActivity()
                        .when(issue("青联办通〔2026〕3号", FROM, TODAY.plusDays(1), TO_UNITS, "", "", TODAY.plusDays(1))),
                PERIOD_IS_OVER,
                Kind.RULE);
    }

    @Test
    void aCircularIsNotIssuedBeforeItsPeriodEnds() {
        RuleAssertions.refusedBy(
                fixture.givenNoPriorActivity().when(issue("青联办通〔2026〕3号", FROM, TO, TO_UNITS, "", "", TO.minusDays(1))),
                ISSUED_AFTER_PERIOD,
                Kind.RULE);
    }

    @Test
    void aCircularIsNotIssuedInTheFuture() {
        RuleAssertions.refusedBy(
                fixture.givenNoPriorActivity()
                        .when(issue("青联办通〔2026〕3号", FROM, TO, TO_UNITS, "", "", TODAY.plusDays(1))),
                ISSUED_AFTER_PERIOD,
                Kind.RULE);
    }

    @Test
    void aCircularIsIssuedOnTheLastDayOfItsPeriodAtTheEarliest() {
        fixture.givenNoPriorActivity()
                .when(issue("青联办通〔2026〕3号", FROM, TODAY, TO_UNITS, "", "", TODAY))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theDistributionIsNotEmpty() {
        RuleAssertions.refusedBy(
                fixture.givenNoPriorActivity().when(issue("青联办通〔2026〕3号", FROM, TO, List.of(), "", "", TODAY)),
                HAS_A_DISTRIBUTION,
                Kind.RULE);
    }

    @Test
    void theDistributionNamesEachRecipientOnce() {
        RuleAssertions.refusedBy(
                fixture.givenNoPriorActivity()
                        .when(issue("青联办通〔2026〕3号", FROM, TO, List.of("各成员单位", " 各成员单位"), "", "", TODAY)),
                HAS_A_DISTRIBUTION,
                Kind.RULE);
        RuleAssertions.refusedBy(
                fixture.givenNoPriorActivity()
                        .when(issue("青联办通〔2026〕3号", FROM, TO, Arrays.asList("各成员单位", null), "", "", TODAY)),
                HAS_A_DISTRIBUTION,
                Kind.RULE);
    }

    @Test
    void theTextsAreBounded() {
        String long_ = "督".repeat(MAX_TEXT + 1);
        RuleAssertions.refusedBy(
                fixture.givenNoPriorActivity().when(issue("青联办通〔2026〕3号", FROM, TO, TO_UNITS, "", long_, TODAY)),
                TEXTS_BOUNDED,
                Kind.RULE);
        fixture.givenNoPriorActivity()
                .when(issue("青联办通〔2026〕3号", FROM, TO, TO_UNITS, "表".repeat(MAX_TEXT), null, TODAY))
                .expectSuccessfulHandlerExecution();
    }

    // ---- 更正 --------------------------------------------------------------------------------

    static final LocalDate ISSUED_ON = TODAY.minusDays(1);
    static final CircularIssuedEvent ISSUED = new CircularIssuedEvent(
            "c-2026-3", CID, FROM, TO, "青联办通〔2026〕3号", TO_UNITS, "省教育厅按期办结全部事项。", "省财政厅有一项逾期。", ISSUED_ON, FIGURES);
    /** The finance line counted one urging too many; the totals follow. */
    static final CircularView CORRECTED_FIGURES = new CircularView(
            CID,
            FROM,
            TO,
            TO,
            List.of(EDUCATION, new CircularUnitRow(CID, "finance", "省财政厅", 1, 0, 0, 1, 1, 0, 1)),
            new CircularUnitRow(CID, null, "合计", 3, 1, 1, 1, 2, 3, 1),
            List.of());

    static CorrectCircularCommand correct(LocalDate on, String reason, CircularView figures) {
        return new CorrectCircularCommand("c-2026-3", on, reason, TO_UNITS, " 省教育厅按期办结全部事项。", "省财政厅有一项逾期。", figures);
    }

    @Test
    void anIssuedCircularIsCorrectedWithWhyAndWhenAndKeepsItsIssue() {
        fixture.given(ISSUED)
                .when(correct(TODAY, " 督办次数统计有误 ", CORRECTED_FIGURES))
                .expectEvents(new CircularCorrectedEvent(
                        "c-2026-3",
                        CID,
                        1,
                        TODAY,
                        "督办次数统计有误",
                        TO_UNITS,
                        "省教育厅按期办结全部事项。",
                        "省财政厅有一项逾期。",
                        CORRECTED_FIGURES));
    }

    @Test
    void aSecondCorrectionIsNumberedAfterTheFirstAndDatedNotBeforeIt() {
        CircularCorrectedEvent first = new CircularCorrectedEvent(
                "c-2026-3", CID, 1, TODAY, "督办次数统计有误", TO_UNITS, "省教育厅按期办结全部事项。", "省财政厅有一项逾期。", CORRECTED_FIGURES);
        CorrectCircularCommand second = new CorrectCircularCommand(
                "c-2026-3",
                TODAY,
                "分送补充",
                List.of("各成员单位", "省政府办公厅", "各市州卫生健康委"),
                "省教育厅按期办结全部事项。",
                "省财政厅有一项逾期。",
                CORRECTED_FIGURES);
        fixture.given(ISSUED, first)
                .when(second)
                .expectEvents(new CircularCorrectedEvent(
                        "c-2026-3",
                        CID,
                        2,
                        TODAY,
                        "分送补充",
                        second.distribution(),
                        "省教育厅按期办结全部事项。",
                        "省财政厅有一项逾期。",
                        CORRECTED_FIGURES));
    }

    @Test
    void aCorrectionIsNotDatedBeforeTheIssueNorAhead() {
        RuleAssertions.refusedBy(
                fixture.given(ISSUED).when(correct(ISSUED_ON.minusDays(1), "x", CORRECTED_FIGURES)),
                CORRECTED_AFTER_ISSUE,
                Kind.RULE);
        RuleAssertions.refusedBy(
                fixture.given(ISSUED).when(correct(TODAY.plusDays(1), "x", CORRECTED_FIGURES)),
                CORRECTED_AFTER_ISSUE,
                Kind.RULE);
    }

    @Test
    void aCorrectionSaysWhyAndChangesSomething() {
        RuleAssertions.refusedBy(
                fixture.given(ISSUED).when(correct(TODAY, " ", CORRECTED_FIGURES)),
                CORRECTION_SAYS_WHY_AND_WHAT,
                Kind.RULE);
        RuleAssertions.refusedBy(
                fixture.given(ISSUED).when(correct(TODAY, "重发", FIGURES)), CORRECTION_SAYS_WHY_AND_WHAT, Kind.RULE);
    }

    @Test
    void theCorrectedFiguresAreOfTheCircularsPeriodAndAddUp() {
        CircularView wrongTotals =
                new CircularView(CID, FROM, TO, TO, CORRECTED_FIGURES.units(), FIGURES.totals(), List.of());
        RuleAssertions.refusedBy(
                fixture.given(ISSUED).when(correct(TODAY, "x", wrongTotals)), CARRIES_ITS_FIGURES, Kind.RULE);
        CircularView february = new CircularView(
                CID,
                FROM.minusMonths(1),
                TO.minusMonths(1),
                TO.minusMonths(1),
                CORRECTED_FIGURES.units(),
                CORRECTED_FIGURES.totals(),
                List.of());
        RuleAssertions.refusedBy(
                fixture.given(ISSUED).when(correct(TODAY, "x", february)), CARRIES_ITS_FIGURES, Kind.RULE);
    }

    @Test
    void theCorrectedDistributionNamesEachRecipientOnce() {
        RuleAssertions.refusedBy(
                fixture.given(ISSUED)
                        .when(new CorrectCircularCommand(
                                "c-2026-3", TODAY, "x", List.of("各成员单位", "各成员单位"), "", "", CORRECTED_FIGURES)),
                HAS_A_DISTRIBUTION,
                Kind.RULE);
    }
}
