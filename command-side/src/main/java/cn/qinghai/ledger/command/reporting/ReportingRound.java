package cn.qinghai.ledger.command.reporting;

import static cn.qinghai.ledger.command.reporting.ReportingRules.*;
import static cn.qinghai.ledger.events.RuleViolatedException.conflict;
import static cn.qinghai.ledger.events.RuleViolatedException.rule;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.qinghai.ledger.command.lookup.RosterLookup;
import cn.qinghai.ledger.events.reporting.*;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * 报送轮次 — one round of periodic work reports: the office opens it for a period with a due date and the units
 * expected to report; each expected unit submits (again, if it wants: the latest counts, all are kept); the
 * office urges (催报) the units that have not reported and closes the round. Its id is the conference and the
 * period ({@link ReportingKind#roundId}), so a round of the same period cannot be opened twice.
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
@Aggregate(commandTargetResolver = "versionedCommandTargetResolver")
public class ReportingRound {

    @AggregateIdentifier
    private String roundId;

    private String conferenceId;
    private LocalDate dueDate;
    private boolean closed;
    /** Expected units, in the order they were expected, with the number of reports each has submitted. */
    private Map<String, Integer> submissions = new LinkedHashMap<>();

    protected ReportingRound() {
        // for Axon
    }

    /** Opened once: the id is taken by the first round of the period, and a second one is refused by name. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenReportingRoundCommand c, RosterLookup roster) {
        if (roundId != null) {
            throw conflict(
                    ROUND_OPENED_ONCE,
                    "the round of " + c.period() + " is already open or closed in conference " + conferenceId);
        }
        String cid = c.conferenceId();
        if (!roster.conferenceExists(cid) || roster.isDissolved(cid)) {
            throw rule(ROUNDS_OF_A_LIVING_CONFERENCE, "conference " + cid + " does not exist or is dissolved");
        }
        if (c.kind() == null || !c.kind().accepts(c.period())) {
            throw rule(
                    ROUND_PERIOD_MATCHES_KIND,
                    "the period " + c.period() + " is not a period of kind " + c.kind()
                            + " (2026-Q1 for QUARTERLY, 2026-H1 for HALF_YEAR, 2026 for ANNUAL)");
        }
        if (!ReportingKind.roundId(cid, c.period()).equals(c.roundId())) {
            throw new IllegalArgumentException(
                    "the round of " + c.period() + " in " + cid + " is " + ReportingKind.roundId(cid, c.period()));
        }
        if (c.dueDate() == null || c.dueDate().isBefore(c.openedOn())) {
            throw rule(
                    ROUND_DUE_NOT_BEFORE_OPENING,
                    "the due date " + c.dueDate() + " is before the round is opened (" + c.openedOn() + ")");
        }
        List<String> codes =
                c.expectedUnits() == null || c.expectedUnits().isEmpty() ? roster.activeUnits(cid) : c.expectedUnits();
        Set<String> seen = new HashSet<>();
        List<ExpectedUnit> expected = new ArrayList<>();
        for (String code : codes) {
            if (code == null || !seen.add(code) || !roster.isActiveUnit(cid, code)) {
                throw rule(
                        ROUND_COLLECTS_FROM_MEMBER_UNITS,
                        "expected unit " + code + " must be an active member unit of " + cid + ", named once");
            }
            expected.add(new ExpectedUnit(code, roster.unitName(cid, code).orElse(code)));
        }
        if (expected.isEmpty()) {
            throw rule(ROUND_COLLECTS_FROM_MEMBER_UNITS, "conference " + cid + " has no active member unit to report");
        }
        apply(new ReportingRoundOpenedEvent(
                c.roundId(),
                cid,
                c.kind(),
                c.period(),
                c.kind().label(c.period()),
                c.dueDate(),
                expected,
                text(c.requirements()),
                c.openedOn()));
    }

    @CommandHandler
    public void handle(AddExpectedUnitCommand c, RosterLookup roster) {
        isOpen();
        if (c.unitCode() == null
                || submissions.containsKey(c.unitCode())
                || !roster.isActiveUnit(conferenceId, c.unitCode())) {
            throw rule(
                    ROUND_COLLECTS_FROM_MEMBER_UNITS,
                    "unit " + c.unitCode() + " must be an active member unit of " + conferenceId
                            + " not yet expected in the round");
        }
        apply(new ExpectedUnitAddedEvent(
                roundId,
                conferenceId,
                new ExpectedUnit(
                        c.unitCode(),
                        roster.unitName(conferenceId, c.unitCode()).orElse(c.unitCode())),
                c.addedOn()));
    }

    /** Accepted while the round is open; after the due date it is marked late (LateReportAcceptedAndMarked). */
    @CommandHandler
    public void handle(SubmitWorkReportCommand c) {
        isOpen();
        Integer before = submissions.get(c.unitCode());
        if (before == null) {
            throw rule(
                    ONLY_EXPECTED_UNITS_REPORT,
                    "unit " + c.unitCode() + " is not expected to report in round " + roundId);
        }
        LocalDate on = c.submittedAt().toLocalDate();
        apply(new WorkReportSubmittedEvent(
                roundId,
                conferenceId,
                c.unitCode(),
                before + 1,
                text(c.text()),
                blankToNull(c.documentRef()),
                c.submittedAt(),
                on,
                on.isAfter(dueDate)));
    }

    @CommandHandler
    public void handle(UrgeWorkReportCommand c) {
        isOpen();
        Integer reports = submissions.get(c.unitCode());
        if (reports == null || reports > 0) {
            throw rule(
                    URGE_ONLY_UNITS_NOT_REPORTED,
                    "unit " + c.unitCode()
                            + (reports == null
                                    ? " is not expected to report in round " + roundId
                                    : " has already reported in round " + roundId));
        }
        apply(new WorkReportUrgedEvent(roundId, conferenceId, c.unitCode(), text(c.message()), c.urgedAt()));
    }

    @CommandHandler
    public void handle(CloseReportingRoundCommand c) {
        if (closed) {
            throw conflict(ROUND_CLOSED_ONCE, "round " + roundId + " is already closed");
        }
        List<String> notReported = submissions.entrySet().stream()
                .filter(e -> e.getValue() == 0)
                .map(Map.Entry::getKey)
                .toList();
        if (!c.closedOn().isAfter(dueDate) && !notReported.isEmpty()) {
            throw rule(
                    ROUND_CLOSES_AFTER_DUE_DATE,
                    "round " + roundId + " is due on " + dueDate + " and " + notReported.size()
                            + " unit(s) have not reported yet: " + notReported);
        }
        apply(new ReportingRoundClosedEvent(roundId, conferenceId, c.closedOn(), notReported));
    }

    private void isOpen() {
        if (closed) {
            throw conflict(ROUND_IS_OPEN, "round " + roundId + " is closed");
        }
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- state -------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(ReportingRoundOpenedEvent e) {
        roundId = e.roundId();
        conferenceId = e.conferenceId();
        dueDate = e.dueDate();
        e.expectedUnits().forEach(u -> submissions.put(u.unitCode(), 0));
    }

    @EventSourcingHandler
    void on(ExpectedUnitAddedEvent e) {
        submissions.put(e.unit().unitCode(), 0);
    }

    @EventSourcingHandler
    void on(WorkReportSubmittedEvent e) {
        submissions.merge(e.unitCode(), 1, Integer::sum);
    }

    @EventSourcingHandler
    void on(ReportingRoundClosedEvent e) {
        closed = true;
    }
}
