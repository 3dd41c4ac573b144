package cn.qinghai.ledger.query.unitstatus;

import cn.qinghai.ledger.events.task.TaskStatus;
import cn.qinghai.ledger.query.tasklist.RagPolicy;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.bson.Document;

/**
 * The shape of one unit's counts document ({@link UnitTaskCounts}), {@code _id} {@code conferenceId/unitCode}:
 * <pre>
 * lead:        { ASSIGNED: n, …, CLOSED: n, closedOnTime: n }   tasks it leads, by status
 * asCoUnit:    n                                                 open tasks it supports
 * overdueFrom: { "2025-03-08": n, … }                            open lead tasks by {@code redFrom}
 * due:         { day: n, … }                                     … by {@code dueAtWork}
 * since:       { day: n, … }                                     … by {@code reportSinceAtWork}
 * applied:     [ "taskId@seq", … ]                               changes applied, not yet forgotten
 * </pre>
 * Only non-zero values are kept, so only the dates of open tasks. {@code applied} holds the keys of the
 * changes of batches under way, and those a batch handed again after a stop applied for it
 * ({@link UnitTaskCounts}).
 */
final class UnitCountsDocument {

    static final String LEAD = "lead";
    static final String CLOSED_ON_TIME = "closedOnTime";
    static final String AS_CO_UNIT = "asCoUnit";
    static final String OVERDUE_FROM = "overdueFrom";
    static final String DUE = "due";
    static final String SINCE = "since";
    static final String APPLIED = "applied";

    private UnitCountsDocument() {}

    /** A unit of a conference: the {@code _id} of its counts is {@code conferenceId/unitCode}. */
    record Unit(String conferenceId, String unitCode) {
        String id() {
            return conferenceId + "/" + unitCode;
        }
    }

    /**
     * One unit's counts: of the tasks it leads, how many in each status and how many closed on time; how
     * many open tasks it supports as a co-unit; and the dated counts of its open lead tasks.
     */
    record Counts(Map<TaskStatus, Integer> byStatus, int closedOnTime, int asCoUnit, RagPolicy.DatedCounts dated) {

        static final Counts NONE = new Counts(Map.of(), 0, 0, RagPolicy.DatedCounts.NONE);

        int total() {
            return byStatus.values().stream().mapToInt(Integer::intValue).sum();
        }

        int status(TaskStatus status) {
            return byStatus.getOrDefault(status, 0);
        }

        static Counts of(Document d) {
            Map<TaskStatus, Integer> byStatus = new EnumMap<>(TaskStatus.class);
            Document lead = d.get(LEAD, Document.class);
            int closedOnTime = 0;
            if (lead != null) {
                for (TaskStatus status : TaskStatus.values()) {
                    int n = lead.get(status.name()) instanceof Number x ? x.intValue() : 0;
                    if (n != 0) {
                        byStatus.put(status, n);
                    }
                }
                closedOnTime = lead.get(CLOSED_ON_TIME) instanceof Number x ? x.intValue() : 0;
            }
            return new Counts(
                    byStatus,
                    closedOnTime,
                    d.get(AS_CO_UNIT) instanceof Number x ? x.intValue() : 0,
                    new RagPolicy.DatedCounts(dated(d, OVERDUE_FROM), dated(d, DUE), dated(d, SINCE)));
        }

        private static NavigableMap<LocalDate, Integer> dated(Document d, String field) {
            NavigableMap<LocalDate, Integer> dated = new TreeMap<>();
            Document counts = d.get(field, Document.class);
            if (counts != null) {
                counts.forEach((day, n) -> {
                    if (n instanceof Number x && x.intValue() != 0) {
                        dated.put(LocalDate.parse(day), x.intValue());
                    }
                });
            }
            return dated;
        }
    }
}
