package cn.qinghai.ledger.events.task;

import cn.qinghai.ledger.events.conference.UnitView;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A member unit on the status board: the directory's entry (duties 职责分工, member 成员, liaison
 * 联络员) and its tasks. Counts are of the tasks it leads (牵头), except {@code tasks.asCoUnit}.
 * {@code onTimeClosureRate} (按期办结率) is closed on time / closed, null before any is closed;
 * {@code lastReportAt} is its latest progress report on any task; {@code rag} is the worst of its open
 * lead tasks (green when it has none); {@code decisions} is the conference's decision behind the unit
 * (决定依据: added, present duties, removed).
 */
public record UnitStatusView(
        String conferenceId,
        String unitCode,
        String name,
        List<String> duties,
        boolean active,
        LocalDate addedOn,
        LocalDate removedOn,
        UnitView.Member member,
        UnitView.Liaison liaison,
        TaskCounts tasks,
        int overdue,
        int closedOnTime,
        Double onTimeClosureRate,
        OffsetDateTime lastReportAt,
        RagStatus rag,
        UnitView.Decisions decisions) {

    /** Lead tasks by state, the open ones ({@code total - closed}) and the open tasks it supports as co-unit. */
    public record TaskCounts(
            int total,
            int assigned,
            int acknowledged,
            int inProgress,
            int completionSubmitted,
            int closed,
            int open,
            int asCoUnit) {}
}
