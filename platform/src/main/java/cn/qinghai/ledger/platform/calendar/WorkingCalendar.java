package cn.qinghai.ledger.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Working days as the conference counts them: Monday to Friday, minus public holidays, plus the
 * adjusted working days (调休) on which a weekend day is worked. Dates outside every loaded year
 * fall back to plain weekdays; such a year is not covered ({@link #covers}), and whoever counts in it
 * says so (a task shows it, health lists it) rather than counting silently.
 */
public final class WorkingCalendar {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> adjustedWorkingDays;

    /** The years loaded from the State Council's notices; null: every year (a calendar made for a test). */
    private final SortedSet<Integer> coveredYears;

    /** A calendar that claims every year: for tests and fixed examples. */
    public WorkingCalendar(Collection<LocalDate> holidays, Collection<LocalDate> adjustedWorkingDays) {
        this(holidays, adjustedWorkingDays, null);
    }

    /** A calendar whose holiday arrangements are known for {@code coveredYears} only. */
    public WorkingCalendar(
            Collection<LocalDate> holidays,
            Collection<LocalDate> adjustedWorkingDays,
            Collection<Integer> coveredYears) {
        this.coveredYears = coveredYears == null ? null : new TreeSet<>(coveredYears);
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

    /** Whether the holiday arrangement of {@code date}'s year is known (counted, not guessed). */
    public boolean covers(LocalDate date) {
        return coveredYears == null || coveredYears.contains(date.getYear());
    }

    /** The years loaded, ascending (empty for a calendar made for a test, which claims every year). */
    public SortedSet<Integer> coveredYears() {
        return coveredYears == null ? new TreeSet<>() : new TreeSet<>(coveredYears);
    }

    /** The years from {@code from}'s to {@code to}'s (inclusive) whose arrangement is not known; ascending. */
    public List<Integer> uncoveredYears(LocalDate from, LocalDate to) {
        if (from == null || to == null || coveredYears == null) {
            return List.of();
        }
        int first = Math.min(from.getYear(), to.getYear());
        int last = Math.max(from.getYear(), to.getYear());
        return IntStream.rangeClosed(first, last)
                .filter(y -> !coveredYears.contains(y))
                .boxed()
                .toList();
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
