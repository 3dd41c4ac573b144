package cn.qinghai.ledger.command.reporting;

import cn.qinghai.ledger.events.RuleSource;

/**
 * The rules of periodic work reports (工作情况定期报送) by name. The notice charges the office with collecting
 * the member units' work (及时收集各成员单位工作任务完成情况); how often and by when — a round per quarter, half
 * year or year, a due date, urging (催报), closing — is the office's working practice, and each constant says
 * why. docs/rules-generated.md is the table of them.
 */
public final class ReportingRules {

    /** A round for a conference that does not exist or is dissolved. */
    @RuleSource(practice = "a dissolved conference collects nothing; the ledger records nothing after its end")
    public static final String ROUNDS_OF_A_LIVING_CONFERENCE = "ReportingRoundsOfALivingConference";
    /** A second round of the same kind and period in one conference (the round's id is conference and period). */
    @RuleSource(practice = "each unit reports once a period; a second round would ask twice and count twice")
    public static final String ROUND_OPENED_ONCE = "ReportingRoundOpenedOnce";
    /**
     * A period not written as its kind's periods are: {@code 2026-Q1} for a quarter (季度), {@code 2026-H1} for a
     * half year (半年), {@code 2026} for a year (年度).
     */
    @RuleSource(practice = "the office asks for quarterly, half-yearly and annual reports, each of one named period")
    public static final String ROUND_PERIOD_MATCHES_KIND = "ReportingPeriodMatchesItsKind";
    /** A due date (截止日期) before the day the round is opened. */
    @RuleSource(practice = "a round due before it was opened would find every unit late on its first day")
    public static final String ROUND_DUE_NOT_BEFORE_OPENING = "ReportingDueDateNotBeforeOpening";
    /**
     * Expected units that are not active member units of the conference, or are named twice; a round that
     * expects no unit. Without a list, every member unit active on the opening day is expected; a unit that joins
     * later is expected only once the office adds it.
     */
    @RuleSource(notice = "及时收集各成员单位工作任务完成情况", clause = "三、职责分工")
    public static final String ROUND_COLLECTS_FROM_MEMBER_UNITS = "ReportingRoundCollectsFromMemberUnits";
    /** A report from a unit the round does not expect. */
    @RuleSource(practice = "a round asks the units it names; the board counts exactly those")
    public static final String ONLY_EXPECTED_UNITS_REPORT = "OnlyExpectedUnitsReport";
    /** A report, an urging or an added unit once the round is closed. */
    @RuleSource(practice = "once the office has closed a round and recorded who never reported, the record stands")
    public static final String ROUND_IS_OPEN = "ReportingRoundIsOpen";
    /**
     * Not a refusal: a report submitted after the due date is accepted and marked 逾期报送 (late), judged on the
     * day it was submitted in the service's time zone.
     */
    @RuleSource(
            practice = "a late report is still the unit's work and the office needs it; the lateness is "
                    + "recorded, not the report refused")
    public static final String LATE_REPORT_MARKED = "LateReportAcceptedAndMarked";
    /** Urging (催报) a unit that has already reported in the round, or a unit the round does not expect. */
    @RuleSource(practice = "催报 is for units that have not reported; urging one that has would be a false record")
    public static final String URGE_ONLY_UNITS_NOT_REPORTED = "UrgeOnlyUnitsThatHaveNotReported";
    /** Closing a round a second time. */
    @RuleSource(practice = "a round is closed once; its record of who never reported is made then")
    public static final String ROUND_CLOSED_ONCE = "ReportingRoundClosedOnce";
    /** Closing a round before its due date while some expected unit has not reported yet. */
    @RuleSource(practice = "a unit keeps the time it was given; the office may close early only when all have reported")
    public static final String ROUND_CLOSES_AFTER_DUE_DATE = "ReportingRoundClosesAfterItsDueDate";

    private ReportingRules() {}
}
