package cn.qinghai.ledger.command.circular;

import cn.qinghai.ledger.events.RuleSource;

/**
 * The rules of issuing a circular (通报), by name. The notice charges the office (联席会议办公室) with following
 * the agreed matters until they are carried out (跟踪督促落实); the circular is how it reports on them to the
 * member units. These rules are office practice for an official document: who issues it is the office
 * (the authorization matrix, docs/security.md), and each circular is issued once and not changed: what was
 * wrong in it is put right by a correction (更正), which keeps the circular as issued.
 */
public final class CircularRules {

    /** Office practice: a circular is issued for a conference that exists and is not dissolved. */
    @RuleSource(practice = "a dissolved conference issues nothing; the ledger records nothing after its end")
    public static final String CIRCULARS_OF_A_LIVING_CONFERENCE = "CircularsOfALivingConference";
    /** Office practice: a 文号 names one document, compared in its normal form (〔2026〕 and [2026] are one number). */
    @RuleSource(practice = "a 文号 names one official document, however its brackets and spaces were typed")
    public static final String CIRCULAR_NUMBER_UNIQUE = "CircularDocumentNumberUnique";
    /** Office practice: a circular reports on a period that is over: from is not after to, to is not after today. */
    @RuleSource(practice = "a circular reports on a period that is over, so its figures are final")
    public static final String PERIOD_IS_OVER = "CircularPeriodIsOver";
    /** Office practice: a circular is issued on or after the last day of its period, and not later than today. */
    @RuleSource(practice = "a circular is issued once its period has ended, and is not dated ahead")
    public static final String ISSUED_AFTER_PERIOD = "CircularIssuedAfterItsPeriod";
    /** Office practice: a circular is sent to someone (分送): at least one recipient, each named once. */
    @RuleSource(practice = "an official document names whom it is sent to (分送), each once")
    public static final String HAS_A_DISTRIBUTION = "CircularHasADistribution";
    /** Office practice: the commendation and urging paragraphs are plain text of at most 4000 characters each. */
    @RuleSource(practice = "the commendation and urging are paragraphs of a one-page document, not attachments")
    public static final String TEXTS_BOUNDED = "CircularTextsBounded";

    /**
     * Office practice: a circular reports its figures — the statistics table of its own period and conference,
     * one line per unit, no count below zero, no more closed on time than closed, totals that add up.
     */
    @RuleSource(practice = "the circular reports figures; they must be those of its own period and add up")
    public static final String CARRIES_ITS_FIGURES = "CircularCarriesItsFigures";

    /**
     * Office practice: a correction (更正) is dated on or after the circular's issue and its previous correction,
     * and not later than today.
     */
    @RuleSource(practice = "a correction follows the document it corrects, and is not dated ahead")
    public static final String CORRECTED_AFTER_ISSUE = "CircularCorrectedOnOrAfterItsIssue";
    /** Office practice: a correction says why (a reason) and changes something of the circular as it reads. */
    @RuleSource(
            practice = "an issued circular is not edited; a correction (更正) is issued instead, and says "
                    + "why it is issued and what it corrects")
    public static final String CORRECTION_SAYS_WHY_AND_WHAT = "CircularCorrectionSaysWhyAndWhat";

    /** The longest commendation (表扬) or urging (督促) paragraph, in characters. */
    public static final int MAX_TEXT = 4000;

    private CircularRules() {}
}
