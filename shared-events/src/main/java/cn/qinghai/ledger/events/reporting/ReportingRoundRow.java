package cn.qinghai.ledger.events.reporting;

import java.time.LocalDate;

/**
 * A round in a list: what and when, open or closed, its counts on {@code asOf}; and, when the list was asked
 * for one unit, that unit's own line ({@code unit}, null otherwise).
 */
public record ReportingRoundRow(
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
        ReportingRoundView.Counts counts,
        UnitReport unit) {}
