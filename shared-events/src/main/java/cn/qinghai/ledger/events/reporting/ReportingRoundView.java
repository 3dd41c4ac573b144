package cn.qinghai.ledger.events.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * A reporting round as the office follows it: what is asked (kind, period, requirements), by when, whether it
 * is still open, and each expected unit's state on {@code asOf} (the service's today), with counts.
 */
public record ReportingRoundView(
        String roundId,
        String conferenceId,
        ReportingKind kind,
        String kindTitle,
        String period,
        String periodLabel,
        LocalDate dueDate,
        String requirements,
        LocalDate openedOn,
        boolean open,
        LocalDate closedOn,
        LocalDate asOf,
        Counts counts,
        List<UnitReport> units) {

    /** How many units are expected, and how many are in each state. */
    public record Counts(int expected, int reported, int reportedLate, int notReported, int overdue) {}
}
