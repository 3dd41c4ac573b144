package cn.qinghai.ledger.command.conference;

import cn.qinghai.ledger.events.RuleSource;

/**
 * The roster rules by name. Each refusal names one of these in its problem answer ({@code rule}); each
 * constant says what it refuses (its Javadoc) and where it comes from ({@link RuleSource}): the sentence
 * of 青政办函〔2021〕138号 it enforces, or the office practice it records. docs/rules-generated.md is
 * the table of them.
 */
public final class ConferenceRules {

    /** A second convener: the conference has at most one convener (召集人). */
    @RuleSource(notice = "全体会议由召集人召集", clause = "四、工作规则")
    public static final String AT_MOST_ONE_CONVENER = "AtMostOneConvener";
    /** A second seat for a person who already holds one. */
    @RuleSource(
            practice = "the notice lists each person once but sets no such rule; the office keeps one seat per "
                    + "person so that a signature, an attendance and a member change each name one seat")
    public static final String ONE_SEAT_PER_PERSON = "OneSeatPerPerson";
    /** A second seat for a member unit: each active member unit is represented by one seat. */
    @RuleSource(
            practice = "the notice's roster (二、成员名单) names one member per member unit but states no rule; "
                    + "the office keeps that shape so that a member change replaces exactly one seat")
    public static final String ONE_SEAT_PER_UNIT = "OneSeatPerUnit";
    /** A member seat with no unit, or for a unit that is not an active member unit. */
    @RuleSource(
            practice = "a member sits for a member unit (the notice names each member by a post in a unit), "
                    + "so a seat for no unit or for a removed unit would represent nobody")
    public static final String SEAT_BELONGS_TO_ACTIVE_UNIT = "SeatBelongsToActiveUnit";
    /** Adding a unit under a code already used, even by a removed unit (codes are never reused). */
    @RuleSource(
            practice = "a unit code names one unit for the whole history of the ledger, so records of a "
                    + "removed unit are never read as another's")
    public static final String UNIT_CODE_UNIQUE = "UnitCodeUnique";
    /** Removing the unit that hosts the conference office. */
    @RuleSource(notice = "联席会议办公室设在省卫生健康委，承担联席会议日常工作", clause = "二、成员名单")
    public static final String OFFICE_HOST_STAYS = "OfficeHostStays";
    /** Removing a unit that still has open tasks, as lead unit or co-unit. */
    @RuleSource(
            practice = "the office follows every task to its end (销号); a task whose unit is gone would be "
                    + "followed by nobody, so its tasks are closed or reassigned first")
    public static final String UNIT_WITH_OPEN_TASKS_STAYS = "UnitWithOpenTasksStays";
    /** Removing a unit represented by a deputy convener, before that seat is changed. */
    @RuleSource(
            practice = "removing the unit would silently unseat a deputy convener; the office changes that "
                    + "seat first, on its own record")
    public static final String DEPUTY_CONVENERS_UNIT_STAYS = "DeputyConvenersUnitStays";
    /** Naming as office director someone who holds no seat, or who is already the director. */
    @RuleSource(
            practice = "the notice names 苏全仁, a deputy convener, as director serving concurrently; it says "
                    + "nothing of later directors, and the office requires any director to hold a seat likewise")
    public static final String OFFICE_DIRECTOR_IS_SEATED = "OfficeDirectorIsSeated";
    /** A member change proposed by anyone but the unit concerned. */
    @RuleSource(notice = "联席会议成员因工作变动等原因需要调整的，由所在单位提出", clause = "二、成员名单")
    public static final String UNIT_PROPOSES_OWN_MEMBER_CHANGE = "UnitProposesOwnMemberChange";
    /** A member change whose outgoing person does not hold that unit's seat. */
    @RuleSource(
            practice = "a change replaces the person who holds the seat; naming anyone else would leave the "
                    + "roster inconsistent")
    public static final String OUTGOING_HOLDS_THE_SEAT = "OutgoingHoldsTheSeat";
    /** A second member change for a unit while one is pending. */
    @RuleSource(
            practice = "one proposal per unit at a time, so the conference confirms or rejects a change "
                    + "knowing what the seat will be")
    public static final String ONE_PENDING_CHANGE_PER_UNIT = "OnePendingChangePerUnit";
    /**
     * Confirming or rejecting a member change that is already decided: a change takes effect only when
     * the conference confirms it (the office records the conference's confirmation).
     */
    @RuleSource(notice = "由所在单位提出，联席会议确定", clause = "二、成员名单")
    public static final String CHANGE_IS_PENDING = "MemberChangeIsPending";
    /** A second proposal under a change id already used. */
    @RuleSource(practice = "a change id names one proposal, ever, so a retried request is not a second proposal")
    public static final String CHANGE_ID_UNIQUE = "MemberChangeIdUnique";
    /** A liaison filed for a unit that is not an active member unit. */
    @RuleSource(notice = "联席会议设联络员，由各成员单位相关职能处室负责同志担任", clause = "二、成员名单")
    public static final String LIAISON_OF_ACTIVE_UNIT = "LiaisonOfActiveUnit";
    /**
     * A liaison filing that would rewrite the liaison history: its effective date is on or after the date of
     * the unit's current liaison, so one liaison holds each date.
     */
    @RuleSource(
            practice = "the notice says liaisons are filed (报联席会议办公室备案) but not how filings are dated; "
                    + "the office keeps one liaison per date and never rewrites an earlier filing")
    public static final String LIAISON_HISTORY_IN_ORDER = "LiaisonHistoryInOrder";
    /**
     * A liaison dated in the future, or dated back further than a unit may ({@link LiaisonFilingWindow#UNIT_BACKDATE}):
     * only the office reaches further back, with a recorded reason, and never before the unit joined.
     */
    @RuleSource(
            practice =
                    "a liaison is effective when filed; a unit may correct a late filing by a few days, "
                            + "anything older is the office's to record, with its reason, so a unit cannot rewrite the roster's past")
    public static final String LIAISON_FILING_WINDOW = "LiaisonFilingWindow";
    /**
     * A confirmed member change, a member unit added or removed, a change of a unit's duties or a succession in a
     * convening seat that does not say how the conference decided it: a link to an agreed matter in issued
     * minutes, or the kind of decision (a meeting, a written circulation 书面征求意见, a document, another way)
     * with its reference and the day it was decided.
     */
    @RuleSource(notice = "联席会议可根据工作需要增减成员单位", clause = "二、成员名单")
    public static final String CONFERENCE_DECIDES_ROSTER_CHANGES = "ConferenceDecidesRosterChanges";
    /**
     * A roster change linked to minutes whose meeting has no issued minutes, or whose issued minutes carry no
     * agreed matter (议定事项) of the id named. Changes recorded before matters were checked keep their link as
     * stored (some name no matter).
     */
    @RuleSource(
            practice = "a decision of the conference is known from its issued minutes (纪要); a link to a meeting "
                    + "without them points at nothing the office could show")
    public static final String DECISION_IN_ISSUED_MINUTES = "DecisionInIssuedMinutes";
    /**
     * A member's seat changed by succession, or a convening seat changed by a member change: the convener's and
     * the deputy conveners' seats pass by succession (换届), a member's seat only by its unit's member change.
     */
    @RuleSource(
            practice =
                    "the convener and deputy conveners hold their seats by office (分管副省长, 副秘书长), not "
                            + "for a unit, so no unit proposes their change; the office records the succession the conference decided")
    public static final String SUCCESSION_OF_CONVENING_SEATS = "SuccessionOfConveningSeats";
    /** A record dated before the conference was established, or before what it changes. */
    @RuleSource(
            practice = "the ledger keeps history in order: nothing is dated before the conference existed "
                    + "(for the seed, the notice's date 2021-08-12) or before the record it changes")
    public static final String NOT_BEFORE_ESTABLISHMENT = "NotBeforeEstablishment";
    /**
     * Any command to a dissolved conference. Dissolving it (DissolveConferenceCommand) is not a power the
     * notice gives the office.
     */
    @RuleSource(
            practice = "the notice does not provide for dissolving the conference and gives the office no such "
                    + "power: a dissolution is recorded only with a recorded conference decision; after it nothing more "
                    + "is recorded")
    public static final String DISSOLVED_CONFERENCE_REFUSES = "DissolvedConferenceRefusesCommands";
    /** A command naming a unit the conference never had. */
    @RuleSource(practice = "a command acts on something that exists; the answer says what was not found")
    public static final String KNOWN_UNIT = "KnownUnit";
    /** A command naming a seat (by its holder) that does not exist. */
    @RuleSource(practice = "a command acts on something that exists; the answer says what was not found")
    public static final String KNOWN_SEAT = "KnownSeat";
    /** A command naming a member change that was never proposed. */
    @RuleSource(practice = "a command acts on something that exists; the answer says what was not found")
    public static final String KNOWN_CHANGE = "KnownMemberChange";

    private ConferenceRules() {}
}
