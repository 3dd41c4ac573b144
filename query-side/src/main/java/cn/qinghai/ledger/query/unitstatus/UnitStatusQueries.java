package cn.qinghai.ledger.query.unitstatus;

import cn.qinghai.ledger.events.conference.FindUnitQuery;
import cn.qinghai.ledger.events.conference.FindUnitsQuery;
import cn.qinghai.ledger.events.conference.UnitView;
import cn.qinghai.ledger.events.task.*;
import cn.qinghai.ledger.query.roster.RosterQueries;
import cn.qinghai.ledger.query.tasklist.RagPolicy;
import cn.qinghai.ledger.query.tasklist.TaskReadModel;
import cn.qinghai.ledger.query.tasklist.TaskRecord;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The unit status board (成员单位工作台账): the roster's unit directory (duties, member, liaison)
 * combined, at query time, with each unit's tasks. It reads the roster, the tasks, and the units' task
 * counts that this package keeps beside the task list.
 *
 * <p>Counts are of the tasks a unit leads (牵头); {@code asCoUnit} counts the open tasks it supports
 * (配合). The unit's RAG is the worst of its open lead tasks' RAG, green when it leads none: the
 * unit answers for what it leads, and a co-unit's delay shows on the lead unit's task.
 *
 * <p>A unit is read from its task counts ({@link UnitTaskCounts}: one document per unit, kept by this
 * package from the tasks projection's moves, evaluated for today by {@link RagPolicy}), so the board
 * costs the same at ten tasks and at a hundred thousand. Where the counts cannot answer (a task list
 * built by a version before them, or under other rules or in another zone, until the tasks projection is
 * rebuilt) the unit's tasks are rated one by one, with the same result.
 */
@Component
public class UnitStatusQueries {

    private final RosterQueries roster;
    private final TaskReadModel tasks;
    private final RagPolicy rag;
    private final UnitCountsReader counts;

    public UnitStatusQueries(RosterQueries roster, TaskReadModel tasks, RagPolicy rag) {
        this.roster = roster;
        this.tasks = tasks;
        this.rag = rag;
        this.counts = new UnitCountsReader(tasks.collections(), rag.clock());
    }

    @QueryHandler
    public UnitStatusList handle(FindUnitStatusBoardQuery query) {
        List<UnitView> units = roster.handle(new FindUnitsQuery(query.conferenceId(), query.includeRemoved()))
                .items();
        LocalDate today = rag.today();
        Map<String, List<UnitView>> byConference = new LinkedHashMap<>();
        units.forEach(unit -> byConference
                .computeIfAbsent(unit.conferenceId(), k -> new ArrayList<>())
                .add(unit));
        Map<UnitView, UnitStatusView> views = new HashMap<>();
        byConference.forEach((conferenceId, members) -> views.putAll(statuses(conferenceId, members, today)));
        List<UnitStatusView> items = units.stream().map(views::get).toList();
        return new UnitStatusList(items, items.size());
    }

    @QueryHandler
    public Optional<UnitStatusView> handle(FindUnitStatusQuery query) {
        return roster.handle(new FindUnitQuery(query.conferenceId(), query.unitCode()))
                .map(unit -> statuses(unit.conferenceId(), List.of(unit), rag.today())
                        .get(unit));
    }

    /** The units of one conference: from their counts, and those the counts cannot answer from their tasks. */
    private Map<UnitView, UnitStatusView> statuses(String conferenceId, List<UnitView> units, LocalDate today) {
        List<String> codes = units.stream().map(UnitView::unitCode).toList();
        Map<String, UnitCountsDocument.Counts> counts =
                this.counts.read(conferenceId, codes).orElse(Map.of());
        Map<String, OffsetDateTime> reports = tasks.lastReportsBy(conferenceId, codes);
        List<UnitView> uncounted =
                units.stream().filter(u -> !counts.containsKey(u.unitCode())).toList();
        List<TaskRecord> candidates = uncounted.isEmpty()
                ? List.of()
                : tasks.find(TaskReadModel.filter(
                        conferenceId, uncounted.size() == 1 ? uncounted.get(0).unitCode() : null, null, null));
        Map<UnitView, UnitStatusView> views = new HashMap<>();
        for (UnitView unit : units) {
            UnitCountsDocument.Counts c = counts.get(unit.unitCode());
            OffsetDateTime report = reports.get(unit.unitCode());
            views.put(unit, c != null ? counted(unit, c, today, report) : rated(unit, candidates, today, report));
        }
        return views;
    }

    private UnitStatusView counted(UnitView unit, UnitCountsDocument.Counts c, LocalDate today, OffsetDateTime report) {
        int total = c.total();
        int closed = c.status(TaskStatus.CLOSED);
        var counts = new UnitStatusView.TaskCounts(
                total,
                c.status(TaskStatus.ASSIGNED),
                c.status(TaskStatus.ACKNOWLEDGED),
                c.status(TaskStatus.IN_PROGRESS),
                c.status(TaskStatus.COMPLETION_SUBMITTED),
                closed,
                total - closed,
                c.asCoUnit());
        return view(unit, counts, rag.overdue(c.dated(), today), c.closedOnTime(), report, rag.worst(c.dated(), today));
    }

    /** The unit's status rated task by task from {@code candidates} (the conference's tasks, or the unit's). */
    private UnitStatusView rated(UnitView unit, List<TaskRecord> candidates, LocalDate today, OffsetDateTime report) {
        String code = unit.unitCode();
        int total = 0, assigned = 0, acknowledged = 0, inProgress = 0, submitted = 0, closed = 0, asCoUnit = 0;
        int closedOnTime = 0;
        List<TaskRecord> led = new ArrayList<>();
        for (TaskRecord task : candidates) {
            if (!unit.conferenceId().equals(task.conferenceId())) {
                continue;
            }
            if (!code.equals(task.leadUnitCode())) {
                if (task.coUnitCodes().contains(code) && !task.closed()) {
                    asCoUnit++;
                }
                continue;
            }
            total++;
            led.add(task);
            switch (task.status()) {
                case ASSIGNED -> assigned++;
                case ACKNOWLEDGED -> acknowledged++;
                case IN_PROGRESS -> inProgress++;
                case COMPLETION_SUBMITTED -> submitted++;
                case CLOSED -> closed++;
            }
            if (task.closed() && Boolean.TRUE.equals(task.onTime())) {
                closedOnTime++;
            }
        }
        var counts = new UnitStatusView.TaskCounts(
                total, assigned, acknowledged, inProgress, submitted, closed, total - closed, asCoUnit);
        RagPolicy.UnitRag rated = rag.rateUnit(led, today);
        return view(unit, counts, rated.overdue(), closedOnTime, report, rated.worst());
    }

    private UnitStatusView view(
            UnitView unit,
            UnitStatusView.TaskCounts counts,
            int overdue,
            int closedOnTime,
            OffsetDateTime lastReport,
            RagStatus worst) {
        int closed = counts.closed();
        Double rate = closed == 0 ? null : Math.round(10_000.0 * closedOnTime / closed) / 10_000.0;
        return new UnitStatusView(
                unit.conferenceId(),
                unit.unitCode(),
                unit.name(),
                unit.duties(),
                unit.active(),
                unit.addedOn(),
                unit.removedOn(),
                unit.member(),
                unit.liaison(),
                counts,
                overdue,
                closedOnTime,
                rate,
                lastReport,
                worst,
                unit.decisions());
    }
}
