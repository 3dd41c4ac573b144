package cn.qinghai.ledger.command.conference;

/**
 * The roster rules of 青政办函〔2021〕138号 and of docs/rules.md, by name. Each refusal names one of
 * these in its problem answer ({@code rule}), so a reader can go from an error to the rule and from the
 * rule to the sentence of the notice it enforces.
 */
public final class ConferenceRules {

    /** 召集人: one convener (a vice-governor) calls the plenary and signs minutes — at most one. */
    public static final String AT_MOST_ONE_CONVENER = "AtMostOneConvener";
    /** A person holds one seat in the conference. */
    public static final String ONE_SEAT_PER_PERSON = "OneSeatPerPerson";
    /** 各成员单位: each active member unit is represented by exactly one seat. */
    public static final String ONE_SEAT_PER_UNIT = "OneSeatPerUnit";
    /** 成员: a member's seat belongs to an active member unit. */
    public static final String SEAT_BELONGS_TO_ACTIVE_UNIT = "SeatBelongsToActiveUnit";
    /** A member unit's code is unique within the conference. */
    public static final String UNIT_CODE_UNIQUE = "UnitCodeUnique";
    /** 联席会议办公室设在省卫生健康委: the unit hosting the office cannot be removed. */
    public static final String OFFICE_HOST_STAYS = "OfficeHostStays";
    /** 跟踪督促落实: a unit that still has open tasks (as lead or co-unit) cannot be removed. */
    public static final String UNIT_WITH_OPEN_TASKS_STAYS = "UnitWithOpenTasksStays";
    /** A unit represented by a deputy convener cannot be removed without first changing that seat. */
    public static final String DEPUTY_CONVENERS_UNIT_STAYS = "DeputyConvenersUnitStays";
    /** 苏全仁同志兼任办公室主任: the office director serves concurrently, so must already hold a seat. */
    public static final String OFFICE_DIRECTOR_IS_SEATED = "OfficeDirectorIsSeated";
    /** 成员因工作变动等原因需要调整的，由所在单位提出: only the unit concerned proposes its member change. */
    public static final String UNIT_PROPOSES_OWN_MEMBER_CHANGE = "UnitProposesOwnMemberChange";
    /** The outgoing person named in a member change holds that unit's seat. */
    public static final String OUTGOING_HOLDS_THE_SEAT = "OutgoingHoldsTheSeat";
    /** One pending member change per unit at a time. */
    public static final String ONE_PENDING_CHANGE_PER_UNIT = "OnePendingChangePerUnit";
    /** 联席会议确定: a member change takes effect only when the conference confirms it. */
    public static final String CHANGE_IS_PENDING = "MemberChangeIsPending";
    /** A change id names one proposal, ever. */
    public static final String CHANGE_ID_UNIQUE = "MemberChangeIdUnique";
    /** 联络员 … 报联席会议办公室备案: a liaison belongs to an active member unit and is effective when filed. */
    public static final String LIAISON_OF_ACTIVE_UNIT = "LiaisonOfActiveUnit";
    /**
     * 报联席会议办公室备案 (office practice for the dates): a filing never rewrites the liaison history — its
     * effective date is on or after the date of the unit's current liaison, so one liaison holds each date.
     */
    public static final String LIAISON_HISTORY_IN_ORDER = "LiaisonHistoryInOrder";
    /**
     * Office practice: a liaison is effective when filed, so never in the future; a unit may date its own
     * filing back at most {@link LiaisonFilingWindow#UNIT_BACKDATE}; only the office reaches further back, with a
     * recorded reason, and never before the unit joined.
     */
    public static final String LIAISON_FILING_WINDOW = "LiaisonFilingWindow";
    /**
     * 联席会议成员因工作变动需要调整的，由所在单位提出，联席会议确定; 联席会议可根据工作需要增减成员单位: a confirmed
     * member change, a member unit added or removed, a change of a unit's duties and a succession in a convening
     * seat each carry how the conference decided it — a link to an agreed matter in issued minutes, or the kind
     * of decision (a meeting, a written circulation 书面征求意见, a document, another way) with its reference and
     * the day it was decided.
     */
    public static final String CONFERENCE_DECIDES_ROSTER_CHANGES = "ConferenceDecidesRosterChanges";
    /**
     * 联席会议确定 (office practice for the link): a roster change linked to minutes names a meeting of this
     * conference whose minutes have been issued; the agreed matter is recorded as named.
     */
    public static final String DECISION_IN_ISSUED_MINUTES = "DecisionInIssuedMinutes";
    /**
     * 换届 (office practice): the convener's and the deputy conveners' seats pass by succession, recorded by the
     * office as the conference decided; a member's seat passes only by a member change its unit proposes.
     */
    public static final String SUCCESSION_OF_CONVENING_SEATS = "SuccessionOfConveningSeats";
    /** Nothing takes effect before the conference was established, nor before what it changes. */
    public static final String NOT_BEFORE_ESTABLISHMENT = "NotBeforeEstablishment";
    /** A dissolved conference refuses every command. */
    public static final String DISSOLVED_CONFERENCE_REFUSES = "DissolvedConferenceRefusesCommands";
    /** The unit named by a command is a member unit of the conference. */
    public static final String KNOWN_UNIT = "KnownUnit";
    /** The seat named by a command (by its holder) exists. */
    public static final String KNOWN_SEAT = "KnownSeat";
    /** The member change named by a command exists. */
    public static final String KNOWN_CHANGE = "KnownMemberChange";

    private ConferenceRules() {
    }
}
