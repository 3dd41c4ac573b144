package cn.qinghai.ledger.query.unitstatus;

import cn.qinghai.ledger.events.conference.FindUnitQuery;
import cn.qinghai.ledger.events.conference.FindUnitsQuery;
import cn.qinghai.ledger.events.conference.UnitView;
import cn.qinghai.ledger.events.task.*;
import cn.qinghai.ledger.query.roster.RosterQueries;
import cn.qinghai.ledger.query.tasklist.RagPolicy;
import cn.qinghai.ledger.query.tasklist.TaskReadModel;
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
 * costs the same at ten tasks and at a hundred thousand. The property tests hold it equal to rating each
 * of the unit's tasks ({@link RagPolicy#rateUnit}).
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
        this.counts = new UnitCountsReader(tasks);
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

    /** The units of one conference, from their counts. */
    private Map<UnitView, UnitStatusView> statuses(String conferenceId, List<UnitView> units, LocalDate today) {
        List<String> codes = units.stream().map(UnitView::unitCode).toList();
        Map<String, UnitCountsDocument.Counts> counts = this.counts.read(conferenceId, codes);
        Map<String, OffsetDateTime> reports = tasks.lastReportsBy(conferenceId, codes);
        Map<UnitView, UnitStatusView> views = new HashMap<>();
        for (UnitView unit : units) {
            views.put(unit, counted(unit, counts.get(unit.unitCode()), today, reports.get(unit.unitCode())));
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
