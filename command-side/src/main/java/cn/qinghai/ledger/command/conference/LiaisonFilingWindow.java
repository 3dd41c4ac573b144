package cn.qinghai.ledger.command.conference;

import static cn.qinghai.ledger.command.conference.ConferenceRules.LIAISON_FILING_WINDOW;
import static cn.qinghai.ledger.events.RuleViolatedException.rule;

import cn.qinghai.ledger.events.conference.FileLiaisonCommand.Filing;
import java.time.LocalDate;
import java.time.Period;

/**
 * How far a liaison filing may date itself ({@link ConferenceRules#LIAISON_FILING_WINDOW}). The notice has
 * liaisons 报联席会议办公室备案 — effective when filed — so a date after the filing day is refused; a unit
 * that files a few weeks late may date its filing back a little; anything older is a correction of the
 * record that only the office makes, with its reason written down.
 */
final class LiaisonFilingWindow {

    /** How far back a unit may date its own filing. */
    static final Period UNIT_BACKDATE = Period.ofDays(30);

    private LiaisonFilingWindow() {}

    static void check(LocalDate effectiveOn, Filing filing) {
        LocalDate filedOn = filing.filedOn();
        if (effectiveOn.isAfter(filedOn)) {
            throw rule(
                    LIAISON_FILING_WINDOW,
                    "a liaison is effective when filed: " + effectiveOn + " is after the filing day " + filedOn);
        }
        if (!effectiveOn.isBefore(filedOn.minus(UNIT_BACKDATE))) {
            return;
        }
        if (!filing.byOffice()) {
            throw rule(
                    LIAISON_FILING_WINDOW,
                    "a unit dates its liaison filing back at most " + UNIT_BACKDATE.getDays() + " days (to "
                            + filedOn.minus(UNIT_BACKDATE) + "); the office corrects older records");
        }
        if (!filing.reasoned()) {
            throw rule(
                    LIAISON_FILING_WINDOW,
                    "the office records a liaison more than " + UNIT_BACKDATE.getDays()
                            + " days back only with a reason");
        }
    }
}
