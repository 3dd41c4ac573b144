package cn.qinghai.ledger.command.circular;

import static cn.qinghai.ledger.command.circular.CircularRules.*;
import static cn.qinghai.ledger.events.RuleViolatedException.conflict;
import static cn.qinghai.ledger.events.RuleViolatedException.rule;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.qinghai.ledger.command.lookup.RosterLookup;
import cn.qinghai.ledger.events.circular.CircularCorrectedEvent;
import cn.qinghai.ledger.events.circular.CircularIssuedEvent;
import cn.qinghai.ledger.events.circular.CorrectCircularCommand;
import cn.qinghai.ledger.events.circular.IssueCircularCommand;
import cn.qinghai.ledger.events.meeting.MinutesDocumentNumber;
import cn.qinghai.ledger.events.task.CircularUnitRow;
import cn.qinghai.ledger.events.task.CircularView;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * 通报 — a circular issued by the office: the period it reports on, its document number (文号), its
 * distribution (分送) and its commendation (表扬) and urging (督促) paragraphs. It is issued once and does not
 * change. Its figures are the statistics table the office issues (the ledger's circular of the period, as
 * shown to the office): checked here for coherence and recorded in the event
 * (docs/adr/0014-issued-circular-figures.md).
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
@Aggregate(commandTargetResolver = "versionedCommandTargetResolver")
public class Circular {

    @AggregateIdentifier
    private String circularId;

    private String conferenceId;
    private LocalDate from;
    private LocalDate to;
    /** The day of the issue, then of the latest correction. */
    private LocalDate lastDated;

    private int corrections;
    /** The circular as it reads now (as issued, or as last corrected). */
    private List<String> distribution = List.of();

    private String commendation = "";
    private String urging = "";
    private CircularView figures;

    protected Circular() {
        // for Axon
    }

    @CommandHandler
    public Circular(IssueCircularCommand command, RosterLookup roster, Clock clock) {
        String cid = command.conferenceId();
        if (!roster.conferenceExists(cid) || roster.isDissolved(cid)) {
            throw rule(CIRCULARS_OF_A_LIVING_CONFERENCE, "conference " + cid + " does not exist or is dissolved");
        }
        LocalDate today = LocalDate.now(clock);
        periodIsOver(command.from(), command.to(), today);
        issuedAfterPeriod(command.to(), command.issuedOn(), today);
        List<String> distribution = hasADistribution(command.distribution());
        textsBounded(command.commendation(), command.urging());
        carriesItsFigures(cid, command.from(), command.to(), command.figures());
        // 青联办通[2026]3号 and 青联办通〔2026〕3号 are one number: compared, and recorded, in its normal form.
        String documentNo = MinutesDocumentNumber.normalise(command.documentNo());
        if (documentNo == null || documentNo.isEmpty()) {
            throw rule(CIRCULAR_NUMBER_UNIQUE, "a circular is issued under a document number (文号)");
        }
        if (roster.circularNumberTaken(documentNo)) {
            throw conflict(CIRCULAR_NUMBER_UNIQUE, "document number " + documentNo + " is already used by a circular");
        }
        apply(new CircularIssuedEvent(
                command.circularId(),
                cid,
                command.from(),
                command.to(),
                documentNo,
                distribution,
                text(command.commendation()),
                text(command.urging()),
                command.issuedOn(),
                command.figures()));
    }

    /**
     * 更正: the circular as issued stays; the correction gives it as it now reads, with the reason and the day.
     * The rules of the issue apply to what it gives (分送, texts, figures of the circular's own period).
     */
    @CommandHandler
    public void handle(CorrectCircularCommand command, RosterLookup roster, Clock clock) {
        if (!roster.conferenceExists(conferenceId) || roster.isDissolved(conferenceId)) {
            throw rule(CIRCULARS_OF_A_LIVING_CONFERENCE, "conference " + conferenceId + " is dissolved");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate on = command.correctedOn();
        if (on == null || on.isBefore(lastDated) || on.isAfter(today)) {
            throw rule(
                    CORRECTED_AFTER_ISSUE,
                    "a correction is dated on or after " + lastDated + " (the issue or the "
                            + "previous correction) and not later than today (" + today + "), not on " + on);
        }
        if (text(command.reason()).isEmpty()) {
            throw rule(CORRECTION_SAYS_WHY_AND_WHAT, "a correction (更正) says why it is issued");
        }
        List<String> names = hasADistribution(command.distribution());
        textsBounded(command.commendation(), command.urging());
        carriesItsFigures(conferenceId, from, to, command.figures());
        if (names.equals(distribution)
                && text(command.commendation()).equals(commendation)
                && text(command.urging()).equals(urging)
                && command.figures().equals(figures)) {
            throw rule(
                    CORRECTION_SAYS_WHY_AND_WHAT,
                    "the correction gives the circular as it already reads; " + "change what is to be corrected");
        }
        apply(new CircularCorrectedEvent(
                circularId,
                conferenceId,
                corrections + 1,
                on,
                text(command.reason()),
                names,
                text(command.commendation()),
                text(command.urging()),
                command.figures()));
    }

    // ---- named rules -------------------------------------------------------------------------

    private static void periodIsOver(LocalDate from, LocalDate to, LocalDate today) {
        if (from == null || to == null || from.isAfter(to) || to.isAfter(today)) {
            throw rule(
                    PERIOD_IS_OVER,
                    "a circular reports on a period that is over: from (" + from + ") not after to (" + to
                            + "), to not after today (" + today + ")");
        }
    }

    private static void issuedAfterPeriod(LocalDate to, LocalDate issuedOn, LocalDate today) {
        if (issuedOn == null || issuedOn.isBefore(to) || issuedOn.isAfter(today)) {
            throw rule(
                    ISSUED_AFTER_PERIOD,
                    "a circular is issued on or after the last day of its period (" + to
                            + ") and not later than today (" + today + "), not on " + issuedOn);
        }
    }

    private static List<String> hasADistribution(List<String> distribution) {
        List<String> names = distribution == null
                ? List.of()
                : distribution.stream().map(d -> d == null ? "" : d.strip()).toList();
        if (names.isEmpty()
                || names.stream().anyMatch(String::isEmpty)
                || new HashSet<>(names).size() != names.size()) {
            throw rule(
                    HAS_A_DISTRIBUTION,
                    "a circular is sent to at least one recipient (分送), each named once: " + distribution);
        }
        return List.copyOf(names);
    }

    private static void textsBounded(String commendation, String urging) {
        int longest = Math.max(text(commendation).length(), text(urging).length());
        if (longest > MAX_TEXT) {
            throw rule(
                    TEXTS_BOUNDED,
                    "the commendation (表扬) and urging (督促) paragraphs are at most " + MAX_TEXT
                            + " characters each; one has " + longest);
        }
    }

    private static void carriesItsFigures(String conferenceId, LocalDate from, LocalDate to, CircularView figures) {
        String wrong = null;
        if (figures == null
                || figures.units() == null
                || figures.units().isEmpty()
                || figures.totals() == null
                || figures.units().stream().anyMatch(java.util.Objects::isNull)
                || figures.from() == null
                || figures.to() == null) {
            wrong = "a circular carries its figures: one line per unit and the totals";
        } else if (!conferenceId.equals(figures.conferenceId())
                || !from.equals(figures.from())
                || !to.equals(figures.to())) {
            wrong = "the figures are those of conference " + figures.conferenceId() + " from " + figures.from() + " to "
                    + figures.to() + ", not of the circular's conference and period";
        } else if (figures.units().stream()
                        .map(CircularUnitRow::unitCode)
                        .distinct()
                        .count()
                != figures.units().size()) {
            wrong = "one line per unit";
        } else if (figures.units().stream().anyMatch(r -> !coherent(r)) || !coherent(figures.totals())) {
            wrong = "no count below zero, and no more closed on time than closed";
        } else if (!figures.totals().equals(sum(figures))) {
            wrong = "the totals do not add up the units' lines";
        }
        if (wrong != null) {
            throw rule(CARRIES_ITS_FIGURES, wrong);
        }
    }

    private static boolean coherent(CircularUnitRow r) {
        return r.assigned() >= 0
                && r.closed() >= 0
                && r.closedOnTime() >= 0
                && r.overdue() >= 0
                && r.open() >= 0
                && r.reports() >= 0
                && r.urgings() >= 0
                && r.closedOnTime() <= r.closed();
    }

    /** The totals line the units' lines add up to (the totals' own labels kept). */
    private static CircularUnitRow sum(CircularView figures) {
        CircularUnitRow t = figures.totals();
        List<CircularUnitRow> units = figures.units();
        return new CircularUnitRow(
                t.conferenceId(),
                t.unitCode(),
                t.unitName(),
                units.stream().mapToInt(CircularUnitRow::assigned).sum(),
                units.stream().mapToInt(CircularUnitRow::closed).sum(),
                units.stream().mapToInt(CircularUnitRow::closedOnTime).sum(),
                units.stream().mapToInt(CircularUnitRow::overdue).sum(),
                units.stream().mapToInt(CircularUnitRow::open).sum(),
                units.stream().mapToInt(CircularUnitRow::reports).sum(),
                units.stream().mapToInt(CircularUnitRow::urgings).sum());
    }

    private static String text(String paragraph) {
        return paragraph == null ? "" : paragraph.strip();
    }

    // ---- state -------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(CircularIssuedEvent e) {
        circularId = e.circularId();
        conferenceId = e.conferenceId();
        from = e.from();
        to = e.to();
        lastDated = e.issuedOn();
        distribution = e.distribution() == null ? List.of() : List.copyOf(e.distribution());
        commendation = text(e.commendation());
        urging = text(e.urging());
        figures = e.figures();
    }

    @EventSourcingHandler
    void on(CircularCorrectedEvent e) {
        corrections = e.correction();
        lastDated = e.correctedOn();
        distribution = List.copyOf(e.distribution());
        commendation = text(e.commendation());
        urging = text(e.urging());
        figures = e.figures();
    }
}
