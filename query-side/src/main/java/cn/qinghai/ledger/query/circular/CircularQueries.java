package cn.qinghai.ledger.query.circular;

import cn.qinghai.ledger.events.conference.FindUnitsQuery;
import cn.qinghai.ledger.events.conference.UnitView;
import cn.qinghai.ledger.events.task.CircularUnitRow;
import cn.qinghai.ledger.events.task.CircularView;
import cn.qinghai.ledger.events.task.FindCircularQuery;
import cn.qinghai.ledger.events.task.OverdueTaskRow;
import cn.qinghai.ledger.query.roster.RosterQueries;
import cn.qinghai.ledger.query.tasklist.RagPolicy;
import cn.qinghai.ledger.query.tasklist.TaskReadModel;
import cn.qinghai.ledger.query.tasklist.TaskRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The circular (通报) of a period, counted at query time from the task read model and labelled from the
 * roster; it keeps no data of its own. Per lead unit (牵头单位): tasks assigned, closed and closed on
 * time in the period, open and overdue at its end ({@code asOf}: {@code to}, or today while the
 * period runs), progress reports the unit sent (as lead or co-unit) and urgings of its tasks in the
 * period. Every active unit has a line; a removed unit only when it has something to count.
 */
@Component
public class CircularQueries {

    private final TaskReadModel tasks;
    private final RosterQueries roster;
    private final RagPolicy rag;

    public CircularQueries(TaskReadModel tasks, RosterQueries roster, RagPolicy rag) {
        this.tasks = tasks;
        this.roster = roster;
        this.rag = rag;
    }

    private record Key(String conferenceId, String unitCode) {}

    private static final class Tally {
        int assigned, closed, closedOnTime, overdue, open, reports, urgings;
    }

    @QueryHandler
    public CircularView handle(FindCircularQuery query) {
        LocalDate from = query.from();
        LocalDate to = query.to();
        LocalDate today = rag.today();
        LocalDate asOf = to.isAfter(today) ? today : to;

        Map<Key, Tally> tallies = new LinkedHashMap<>();
        Map<Key, String> names = new HashMap<>();
        for (UnitView unit :
                roster.handle(new FindUnitsQuery(query.conferenceId(), true)).items()) {
            Key key = new Key(unit.conferenceId(), unit.unitCode());
            names.put(key, unit.name());
            if (unit.active()) {
                tallies.put(key, new Tally());
            }
        }

        List<OverdueTaskRow> overdue = new ArrayList<>();
        for (TaskRecord task : tasks.find(TaskReadModel.filter(query.conferenceId(), null, null, null))) {
            Key key = new Key(task.conferenceId(), task.leadUnitCode());
            Tally tally = tallies.computeIfAbsent(key, k -> new Tally());
            if (within(task.assignedOn(), from, to)) {
                tally.assigned++;
            }
            if (within(task.closedOn(), from, to)) {
                tally.closed++;
                if (Boolean.TRUE.equals(task.onTime())) {
                    tally.closedOnTime++;
                }
            }
            boolean openAtEnd = task.assignedOn() != null
                    && !task.assignedOn().isAfter(asOf)
                    && (task.closedOn() == null || task.closedOn().isAfter(asOf));
            if (openAtEnd) {
                tally.open++;
                if (rag.overdueOn(task, asOf)) {
                    tally.overdue++;
                    overdue.add(new OverdueTaskRow(
                            task.taskId(),
                            task.conferenceId(),
                            task.title(),
                            task.leadUnitCode(),
                            names.get(key),
                            task.dueDate(),
                            rag.overdueWorkingDays(task, asOf),
                            task.status(),
                            task.lastReportAt()));
                }
            }
        }
        for (TaskReadModel.Activity report : tasks.reports(query.conferenceId(), from, to)) {
            tallies.computeIfAbsent(new Key(report.conferenceId(), report.unitCode()), k -> new Tally()).reports++;
        }
        for (TaskReadModel.Activity urging : tasks.urgings(query.conferenceId(), from, to)) {
            tallies.computeIfAbsent(new Key(urging.conferenceId(), urging.leadUnitCode()), k -> new Tally()).urgings++;
        }

        List<CircularUnitRow> rows = new ArrayList<>();
        Tally sum = new Tally();
        tallies.forEach((key, t) -> {
            rows.add(new CircularUnitRow(
                    key.conferenceId(),
                    key.unitCode(),
                    names.get(key),
                    t.assigned,
                    t.closed,
                    t.closedOnTime,
                    t.overdue,
                    t.open,
                    t.reports,
                    t.urgings));
            sum.assigned += t.assigned;
            sum.closed += t.closed;
            sum.closedOnTime += t.closedOnTime;
            sum.overdue += t.overdue;
            sum.open += t.open;
            sum.reports += t.reports;
            sum.urgings += t.urgings;
        });
        CircularUnitRow totals = new CircularUnitRow(
                query.conferenceId(),
                null,
                "合计",
                sum.assigned,
                sum.closed,
                sum.closedOnTime,
                sum.overdue,
                sum.open,
                sum.reports,
                sum.urgings);
        overdue.sort(Comparator.comparingInt(OverdueTaskRow::overdueWorkingDays)
                .reversed()
                .thenComparing(OverdueTaskRow::dueDate)
                .thenComparing(OverdueTaskRow::taskId));
        return new CircularView(query.conferenceId(), from, to, asOf, rows, totals, overdue);
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }
}
