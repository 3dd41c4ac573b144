package cn.qinghai.ledger.events.task;

import java.time.LocalDate;
import java.util.List;

/**
 * The circular (通报) of a period: per lead unit what was assigned, closed, closed on time, reported
 * and urged in the period, and what was open and overdue at its end ({@code asOf}: the end of the
 * period, or today while the period runs), followed by the list of overdue tasks (逾期事项).
 */
public record CircularView(
        String conferenceId,
        LocalDate from,
        LocalDate to,
        LocalDate asOf,
        List<CircularUnitRow> units,
        CircularUnitRow totals,
        List<OverdueTaskRow> overdue) {}
