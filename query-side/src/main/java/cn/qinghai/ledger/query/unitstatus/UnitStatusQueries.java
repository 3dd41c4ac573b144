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
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The unit status board (成员单位工作台账): the roster's unit directory (duties, member, liaison)
 * combined, at query time, with each unit's tasks from the task read model. It keeps no data of its
 * own, so it needs no projection and is never out of step with either.
 *
 * <p>Counts are of the tasks a unit leads (牵头); {@code asCoUnit} counts the open tasks it supports
 * (配合). The unit's RAG is the worst of its open lead tasks' RAG, green when it leads none: the
 * unit answers for what it leads, and a co-unit's delay shows on the lead unit's task.
 */
@Component
public class UnitStatusQueries {

    private final RosterQueries roster;
    private final TaskReadModel tasks;
    private final RagPolicy rag;

    public UnitStatusQueries(RosterQueries roster, TaskReadModel tasks, RagPolicy rag) {
        this.roster = roster;
        this.tasks = tasks;
        this.rag = rag;
    }

    @QueryHandler
    public UnitStatusList handle(FindUnitStatusBoardQuery query) {
        List<UnitView> units = roster.handle(new FindUnitsQuery(query.conferenceId(), query.includeRemoved())).items();
        List<TaskRecord> all = tasks.find(TaskReadModel.filter(query.conferenceId(), null, null, null));
        LocalDate today = rag.today();
        List<UnitStatusView> items = units.stream().map(unit -> status(unit, all, today)).toList();
        return new UnitStatusList(items, items.size());
    }

    @QueryHandler
    public Optional<UnitStatusView> handle(FindUnitStatusQuery query) {
        return roster.handle(new FindUnitQuery(query.conferenceId(), query.unitCode())).map(unit -> status(unit,
                tasks.find(TaskReadModel.filter(unit.conferenceId(), unit.unitCode(), null, null)), rag.today()));
    }

    private UnitStatusView status(UnitView unit, List<TaskRecord> candidates, LocalDate today) {
        String code = unit.unitCode();
        int total = 0, assigned = 0, acknowledged = 0, inProgress = 0, submitted = 0, closed = 0, asCoUnit = 0;
        int overdue = 0, closedOnTime = 0;
        RagStatus worst = RagStatus.GREEN;
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
            switch (task.status()) {
                case ASSIGNED -> assigned++;
                case ACKNOWLEDGED -> acknowledged++;
                case IN_PROGRESS -> inProgress++;
                case COMPLETION_SUBMITTED -> submitted++;
                case CLOSED -> closed++;
            }
            if (task.closed()) {
                if (Boolean.TRUE.equals(task.onTime())) {
                    closedOnTime++;
                }
                continue;
            }
            RagPolicy.Assessment assessment = rag.assess(task, today);
            if (assessment.overdue()) {
                overdue++;
            }
            worst = worst.worse(assessment.rag());
        }
        Double rate = closed == 0 ? null : Math.round(10_000.0 * closedOnTime / closed) / 10_000.0;
        var counts = new UnitStatusView.TaskCounts(total, assigned, acknowledged, inProgress, submitted, closed,
                total - closed, asCoUnit);
        return new UnitStatusView(unit.conferenceId(), code, unit.name(), unit.duties(), unit.active(),
                unit.addedOn(), unit.removedOn(), unit.member(), unit.liaison(), counts, overdue, closedOnTime, rate,
                tasks.lastReportBy(unit.conferenceId(), code).orElse(null), worst);
    }
}
