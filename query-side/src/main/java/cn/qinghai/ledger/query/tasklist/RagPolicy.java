package cn.qinghai.ledger.query.tasklist;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.nor;
import static com.mongodb.client.model.Filters.or;

import cn.qinghai.ledger.events.task.RagReason;
import cn.qinghai.ledger.events.task.RagStatus;
import cn.qinghai.ledger.events.task.TaskStatus;
import cn.qinghai.ledger.platform.calendar.WorkingCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Red, amber, green (红黄绿灯) of a task, computed when it is read from the service's {@link Clock} and
 * the {@link WorkingCalendar}, so that a task turns amber and red as the days pass without any event:
 * <ul>
 * <li><b>red</b> (逾期): not closed, and today is after the due date or a {@code TaskBecameOverdueEvent}
 *     was recorded and no extension granted since; except that a completion submitted on or before
 *     the due date, awaiting closure (销号) by the office, is not overdue (the same test as the
 *     {@code onTime} of {@code TaskClosedEvent});</li>
 * <li><b>amber</b>: while the units still work on it, due within {@code warningWorkingDays} working
 *     days (临期), or more than {@code reportIntervalWorkingDays} working days since the last progress
 *     report, or since assignment when none came (未按时报送进展);</li>
 * <li><b>green</b> otherwise; a closed task is green and keeps {@code onTime}.</li>
 * </ul>
 *
 * <p>This class is the only one that knows these rules. Every path that needs a colour asks it: a task
 * read one by one ({@link #assess}); the dates the task list stores on each task so that MongoDB can
 * select by colour ({@link #datesOf}, {@link #filter}); the board's per-unit figures, from a unit's
 * counts of those dates ({@link #overdue(DatedCounts, LocalDate)}, {@link #worst(DatedCounts, LocalDate)}),
 * held by the property tests to rating the unit's tasks one by one ({@link #rateUnit}, the definition); and the
 * circular's and the exports' lateness on a past day ({@link #overdueOn}, {@link #overdueWorkingDays}).
 */
@Component
public class RagPolicy {

    /** Statuses in which the units (not the office) have the next move. */
    private static final Set<TaskStatus> UNITS_AT_WORK =
            EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.ACKNOWLEDGED, TaskStatus.IN_PROGRESS);

    /** How far {@link #lastDueSoon} and {@link #lastReportMissingSince} look (a bound against a calendar without working days). */
    private static final int SEARCH_DAYS = 3660;

    /**
     * The version of the stored RAG dates ({@link #datesOf}) and of what a task adds to its unit's counts:
     * raise it whenever either changes, so that a task list kept under other rules is rebuilt from the event
     * store instead of being read wrongly ({@link TaskListOrigin}).
     */
    public static final int STORED_RULES = 1;

    /** Fields of a task document holding its {@link RagDates} (indexed on MongoDB). */
    public static final String RED_FROM = "redFrom";

    public static final String DUE_AT_WORK = "dueAtWork";
    public static final String REPORT_SINCE_AT_WORK = "reportSinceAtWork";

    public record Assessment(RagStatus rag, RagReason reason, boolean overdue) {}

    /**
     * The dates an open task's RAG turns on, whatever the day: its first overdue day ({@link #overdueFrom}),
     * and while the units work on it its due date and the day its report interval runs from; each null
     * when it does not apply. A task's RAG on any day follows from them alone (see {@link #filter}).
     */
    public record RagDates(LocalDate redFrom, LocalDate dueAtWork, LocalDate reportSinceAtWork) {}

    /**
     * The {@link RagDates} of a unit's open lead tasks, counted by day: how many turn overdue on each day,
     * fall due on each day while at work, and have their report interval running from each day.
     */
    public record DatedCounts(
            NavigableMap<LocalDate, Integer> redFrom,
            NavigableMap<LocalDate, Integer> dueAtWork,
            NavigableMap<LocalDate, Integer> reportSinceAtWork) {

        public static final DatedCounts NONE = new DatedCounts(
                Collections.emptyNavigableMap(), Collections.emptyNavigableMap(), Collections.emptyNavigableMap());
    }

    /** A unit's figures that turn on RAG: its open lead tasks overdue today, and the worst RAG among them. */
    public record UnitRag(int overdue, RagStatus worst) {}

    private final Clock clock;
    private final WorkingCalendar calendar;
    private final SupervisionProperties supervision;

    public RagPolicy(Clock clock, WorkingCalendar calendar, SupervisionProperties supervision) {
        this.clock = clock;
        this.calendar = calendar;
        this.supervision = supervision;
    }

    /** Today in the conference's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /** The clock the policy reads today from. */
    public Clock clock() {
        return clock;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public Assessment assess(TaskRecord task) {
        return assess(task, today());
    }

    public Assessment assess(TaskRecord task, LocalDate today) {
        if (task.closed()) {
            return new Assessment(RagStatus.GREEN, RagReason.CLOSED, false);
        }
        if (overdueOn(task, today)) {
            return new Assessment(RagStatus.RED, RagReason.OVERDUE, true);
        }
        if (unitsAtWork(task)) {
            if (task.dueDate() != null && dueSoon(task.dueDate(), today)) {
                return new Assessment(RagStatus.AMBER, RagReason.DUE_SOON, false);
            }
            LocalDate since = reportSince(task, zone());
            if (since != null && reportMissing(since, today)) {
                return new Assessment(RagStatus.AMBER, RagReason.REPORT_MISSING, false);
            }
        }
        return new Assessment(RagStatus.GREEN, RagReason.ON_TRACK, false);
    }

    /**
     * The dates the task list keeps on {@code task} so that MongoDB can select it by colour, and that a
     * unit's counts count ({@code zone}: where a report's instant becomes a day). Depends on the task
     * alone, not on today, the calendar or the settings.
     */
    public static RagDates datesOf(TaskRecord task, ZoneId zone) {
        boolean atWork = unitsAtWork(task);
        return new RagDates(overdueFrom(task), atWork ? task.dueDate() : null, atWork ? reportSince(task, zone) : null);
    }

    /**
     * The tasks whose RAG on {@code today} is {@code rag}, as a filter on their stored {@link RagDates}: red
     * from the first overdue day on; amber when not red and, while the units work on it, due within the
     * warning days or its report interval running from too long ago; green otherwise. The rules of
     * {@link #assess} turned into date ranges: working days only add up, so each rule holds on one run of
     * days ({@link #lastDueSoon}, {@link #lastReportMissingSince}).
     */
    public Bson filter(RagStatus rag, LocalDate today) {
        Bson red = lte(RED_FROM, today);
        Bson notRed = or(eq(RED_FROM, null), gt(RED_FROM, today));
        List<Bson> amberIf = new ArrayList<>();
        LocalDate lastDueSoon = lastDueSoon(today);
        if (lastDueSoon != null) {
            amberIf.add(and(gte(DUE_AT_WORK, today), lte(DUE_AT_WORK, lastDueSoon)));
        }
        LocalDate lastMissing = lastReportMissingSince(today);
        if (lastMissing != null) {
            amberIf.add(lte(REPORT_SINCE_AT_WORK, lastMissing));
        }
        Bson amber = amberIf.isEmpty() ? in("_id", List.of()) : and(notRed, or(amberIf));
        return switch (rag) {
            case RED -> red;
            case AMBER -> amber;
            case GREEN -> nor(red, amber);
        };
    }

    /** Open lead tasks overdue on {@code today}, from a unit's {@link DatedCounts}. */
    public int overdue(DatedCounts counts, LocalDate today) {
        return counts.redFrom().headMap(today, true).values().stream()
                .mapToInt(Integer::intValue)
                .sum();
    }

    /**
     * The worst RAG among a unit's open lead tasks on {@code today}, from its {@link DatedCounts}: red if one
     * is overdue; else amber if one the units still work on falls due soon or has gone too long without a
     * report; else green.
     */
    public RagStatus worst(DatedCounts counts, LocalDate today) {
        if (overdue(counts, today) > 0) {
            return RagStatus.RED;
        }
        LocalDate lastDueSoon = lastDueSoon(today);
        boolean dueSoon = lastDueSoon != null
                && !counts.dueAtWork().subMap(today, true, lastDueSoon, true).isEmpty();
        boolean reportMissing = !counts.reportSinceAtWork().isEmpty()
                && reportMissing(counts.reportSinceAtWork().firstKey(), today);
        return dueSoon || reportMissing ? RagStatus.AMBER : RagStatus.GREEN;
    }

    /**
     * A unit's {@link UnitRag} on {@code today} rated task by task ({@link #assess}) from the open tasks it
     * leads: the definition that the board's counts ({@link #worst(DatedCounts, LocalDate)}) are held to.
     * Closed tasks are passed over.
     */
    public UnitRag rateUnit(Iterable<TaskRecord> leadTasks, LocalDate today) {
        int overdue = 0;
        RagStatus worst = RagStatus.GREEN;
        for (TaskRecord task : leadTasks) {
            if (task.closed()) {
                continue;
            }
            Assessment assessment = assess(task, today);
            if (assessment.overdue()) {
                overdue++;
            }
            worst = worst.worse(assessment.rag());
        }
        return new UnitRag(overdue, worst);
    }

    /** Whether the units (not the office) have the next move: assigned, acknowledged or in progress. */
    private static boolean unitsAtWork(TaskRecord task) {
        return UNITS_AT_WORK.contains(task.status());
    }

    /** 临期: {@code due} is today or later and within {@code warningWorkingDays} working days of today. */
    public boolean dueSoon(LocalDate due, LocalDate today) {
        return !today.isAfter(due) && calendar.workingDaysBetween(today, due) <= supervision.getWarningWorkingDays();
    }

    /** 未按时报送进展: more than {@code reportIntervalWorkingDays} working days from {@code since} to today. */
    public boolean reportMissing(LocalDate since, LocalDate today) {
        return calendar.workingDaysBetween(since, today) > supervision.getReportIntervalWorkingDays();
    }

    /**
     * The last due date that is {@link #dueSoon due soon} on {@code today}, or null when none is (the due dates
     * due soon form one run of days from today on, as working days only add up).
     */
    public LocalDate lastDueSoon(LocalDate today) {
        LocalDate last = null;
        for (LocalDate day = today;
                dueSoon(day, today) && day.isBefore(today.plusDays(SEARCH_DAYS));
                day = day.plusDays(1)) {
            last = day;
        }
        return last;
    }

    /**
     * The latest report-interval start that is {@link #reportMissing missing a report} on {@code today}:
     * every earlier one is too, every later one is not. Null only for a calendar without working days.
     */
    public LocalDate lastReportMissingSince(LocalDate today) {
        for (LocalDate since = today; since.isAfter(today.minusDays(SEARCH_DAYS)); since = since.minusDays(1)) {
            if (reportMissing(since, today)) {
                return since;
            }
        }
        return null;
    }

    /** The day the report interval runs from: the last progress report's date in {@code zone}, else assignment. */
    private static LocalDate reportSince(TaskRecord task, ZoneId zone) {
        return task.lastReportAt() != null
                ? task.lastReportAt().atZoneSameInstant(zone).toLocalDate()
                : task.assignedOn();
    }

    /**
     * The first day on which an open task is overdue as it stands (the day after its due date, or the due
     * date itself once lateness was recorded for it), or null when it cannot become overdue: no due date,
     * or a completion submitted on or before the due date (awaiting 销号). For every day while the task is
     * open, {@code overdueOn(task, day)} is exactly {@code day >= overdueFrom(task)}: a shielding submission
     * lies on or before the due date, so on or before every day from which lateness could count. Null for
     * a closed task.
     */
    private static LocalDate overdueFrom(TaskRecord task) {
        if (task.closed() || task.dueDate() == null) {
            return null;
        }
        LocalDate submitted = task.completionSubmittedOn();
        if (submitted != null && !submitted.isAfter(task.dueDate())) {
            return null;
        }
        return task.overdueRecorded() ? task.dueDate() : task.dueDate().plusDays(1);
    }

    /**
     * Whether the task was overdue on {@code day} as far as the read model knows: open then, its due
     * date passed (or lateness recorded for the due date in force) and no completion submitted in time
     * by then. For past days it uses the due date in force now.
     */
    public boolean overdueOn(TaskRecord task, LocalDate day) {
        if (task.closedOn() != null && !task.closedOn().isAfter(day)) {
            return false;
        }
        if (task.dueDate() == null) {
            return false;
        }
        LocalDate submitted = task.completionSubmittedOn();
        if (submitted != null && !submitted.isAfter(day) && !submitted.isAfter(task.dueDate())) {
            return false;
        }
        return day.isAfter(task.dueDate()) || (task.overdueRecorded() && !day.isBefore(task.dueDate()));
    }

    /** Working days past the due date on {@code day} (0 when not past it). */
    public int overdueWorkingDays(TaskRecord task, LocalDate day) {
        return task.dueDate() == null ? 0 : Math.max(0, calendar.workingDaysBetween(task.dueDate(), day));
    }
}
