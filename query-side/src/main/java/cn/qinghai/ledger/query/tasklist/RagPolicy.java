package cn.qinghai.ledger.query.tasklist;

import cn.qinghai.ledger.events.task.RagReason;
import cn.qinghai.ledger.events.task.RagStatus;
import cn.qinghai.ledger.events.task.TaskStatus;
import cn.qinghai.ledger.platform.calendar.WorkingCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
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
 */
@Component
public class RagPolicy {

    /** Statuses in which the units (not the office) have the next move. */
    private static final Set<TaskStatus> UNITS_AT_WORK =
            EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.ACKNOWLEDGED, TaskStatus.IN_PROGRESS);

    /** How far {@link #lastDueSoon} and {@link #lastReportMissingSince} look (a bound against a calendar without working days). */
    private static final int SEARCH_DAYS = 3660;

    public record Assessment(RagStatus rag, RagReason reason, boolean overdue) {
    }

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

    /** Whether the units (not the office) have the next move: assigned, acknowledged or in progress. */
    static boolean unitsAtWork(TaskRecord task) {
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
        for (LocalDate day = today; dueSoon(day, today) && day.isBefore(today.plusDays(SEARCH_DAYS)); day = day.plusDays(1)) {
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
    static LocalDate reportSince(TaskRecord task, ZoneId zone) {
        return task.lastReportAt() != null ? task.lastReportAt().atZoneSameInstant(zone).toLocalDate()
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
    static LocalDate overdueFrom(TaskRecord task) {
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
