package cn.qinghai.ledger.events.task;

/**
 * One unit's line of the circular: tasks it leads that were assigned (交办), closed (办结) and closed
 * on time (按期办结) in the period; open (未办结) and overdue (逾期) at its end; progress reports it
 * sent (报送进展, as lead or co-unit) and urgings (催办) of its tasks in the period.
 */
public record CircularUnitRow(
        String conferenceId,
        String unitCode,
        String unitName,
        int assigned,
        int closed,
        int closedOnTime,
        int overdue,
        int open,
        int reports,
        int urgings) {}
