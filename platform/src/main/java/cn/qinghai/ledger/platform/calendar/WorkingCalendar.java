package cn.qinghai.ledger.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Working days as the conference counts them: Monday to Friday, minus public holidays, plus the
 * adjusted working days (调休) on which a weekend day is worked. Dates outside every loaded year
 * fall back to plain weekdays.
 */
public final class WorkingCalendar {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> adjustedWorkingDays;

    public WorkingCalendar(Collection<LocalDate> holidays, Collection<LocalDate> adjustedWorkingDays) {
        this.holidays = Set.copyOf(holidays);
        this.adjustedWorkingDays = Set.copyOf(adjustedWorkingDays);
        Set<LocalDate> both = new HashSet<>(this.holidays);
        both.retainAll(this.adjustedWorkingDays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("days both holiday and adjusted working day: " + both);
        }
    }

    /** Weekdays only; for tests and for years without data. */
    public static WorkingCalendar weekdaysOnly() {
        return new WorkingCalendar(Set.of(), Set.of());
    }

    public boolean isWorkingDay(LocalDate date) {
        if (adjustedWorkingDays.contains(date)) {
            return true;
        }
        if (holidays.contains(date)) {
            return false;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** The date {@code workingDays} working days after {@code from} (0: {@code from} if it is one, else the next). */
    public LocalDate addWorkingDays(LocalDate from, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + workingDays);
        }
        LocalDate date = from;
        while (!isWorkingDay(date)) {
            date = date.plusDays(1);
        }
        for (int left = workingDays; left > 0; ) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    /** Working days after {@code from} up to and including {@code to}; negative when {@code to} is earlier. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
