package cn.qinghai.ledger.query.unitstatus;

import static cn.qinghai.ledger.query.unitstatus.UnitCountsDocument.AS_CO_UNIT;
import static cn.qinghai.ledger.query.unitstatus.UnitCountsDocument.CLOSED_ON_TIME;
import static cn.qinghai.ledger.query.unitstatus.UnitCountsDocument.DUE;
import static cn.qinghai.ledger.query.unitstatus.UnitCountsDocument.LEAD;
import static cn.qinghai.ledger.query.unitstatus.UnitCountsDocument.OVERDUE_FROM;
import static cn.qinghai.ledger.query.unitstatus.UnitCountsDocument.SINCE;

import cn.qinghai.ledger.query.tasklist.RagPolicy;
import cn.qinghai.ledger.query.tasklist.TaskMoves.TaskMove;
import cn.qinghai.ledger.query.tasklist.TaskRecord;
import cn.qinghai.ledger.query.unitstatus.UnitCountsDocument.Unit;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * What one task adds to its units' counts ({@link UnitCountsDocument}): to its lead unit, one in its
 * status, one closed on time, and while open its {@link RagPolicy#datesOf RAG dates}; to each co-unit
 * while open, one supported. Counts are field path → increment, per unit.
 */
final class TaskShares {

    private TaskShares() {}

    /** The changes to the counts when tasks make {@code moves}, per unit, zeros left out. */
    static Map<Unit, Map<String, Integer>> changes(Collection<TaskMove> moves, ZoneId zone) {
        Map<Unit, Map<String, Integer>> changes = new LinkedHashMap<>();
        for (TaskMove move : moves) {
            add(move.before(), zone, -1, changes);
            add(move.after(), zone, +1, changes);
        }
        changes.values().forEach(fields -> fields.values().removeIf(n -> n == 0));
        changes.values().removeIf(Map::isEmpty);
        return changes;
    }

    /** Adds {@code sign} × the task's share of the counts (nothing for a task null or not yet assigned). */
    static void add(TaskRecord task, ZoneId zone, int sign, Map<Unit, Map<String, Integer>> into) {
        if (task == null || task.conferenceId() == null || task.status() == null) {
            return;
        }
        if (task.leadUnitCode() != null) {
            Map<String, Integer> lead =
                    into.computeIfAbsent(new Unit(task.conferenceId(), task.leadUnitCode()), k -> new HashMap<>());
            add(lead, LEAD + "." + task.status().name(), sign);
            if (task.closed() && Boolean.TRUE.equals(task.onTime())) {
                add(lead, LEAD + "." + CLOSED_ON_TIME, sign);
            }
            RagPolicy.RagDates dates = RagPolicy.datesOf(task, zone);
            if (dates.redFrom() != null) {
                add(lead, OVERDUE_FROM + "." + dates.redFrom(), sign);
            }
            if (dates.dueAtWork() != null) {
                add(lead, DUE + "." + dates.dueAtWork(), sign);
            }
            if (dates.reportSinceAtWork() != null) {
                add(lead, SINCE + "." + dates.reportSinceAtWork(), sign);
            }
        }
        if (!task.closed()) {
            for (String co : new LinkedHashSet<>(task.coUnitCodes())) {
                if (!co.equals(task.leadUnitCode())) {
                    add(
                            into.computeIfAbsent(new Unit(task.conferenceId(), co), k -> new HashMap<>()),
                            AS_CO_UNIT,
                            sign);
                }
            }
        }
    }

    private static void add(Map<String, Integer> fields, String path, int n) {
        fields.merge(path, n, Integer::sum);
    }
}
