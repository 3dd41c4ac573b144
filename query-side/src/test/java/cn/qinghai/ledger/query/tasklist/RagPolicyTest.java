package cn.qinghai.ledger.query.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinghai.ledger.events.task.TaskSource;
import cn.qinghai.ledger.events.task.TaskStatus;
import cn.qinghai.ledger.platform.calendar.WorkingCalendar;
import cn.qinghai.ledger.testsupport.MutableClock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The policy's two ways to a unit's RAG agree: its open lead tasks counted by their stored dates
 * ({@link RagPolicy#datesOf}, evaluated by {@link RagPolicy#overdue(RagPolicy.DatedCounts, LocalDate)} and
 * {@link RagPolicy#worst(RagPolicy.DatedCounts, LocalDate)}) and the tasks rated one by one
 * ({@link RagPolicy#rateUnit}), for random tasks on every day.
 */
class RagPolicyTest {

    static final LocalDate START = LocalDate.of(2025, 3, 3);

    final MutableClock clock = MutableClock.on(START);
    final RagPolicy rag = new RagPolicy(clock, WorkingCalendar.weekdaysOnly(), new SupervisionProperties());

    @Test
    void aUnitRatedFromItsDatedCountsEqualsItsTasksRatedOneByOneOnEveryDay() {
        Random random = new Random(17);
        int[] worst = new int[3];
        for (int round = 0; round < 300; round++) {
            List<TaskRecord> tasks = new ArrayList<>();
            for (int i = random.nextInt(5); i >= 0; i--) {
                tasks.add(randomTask(random, "t" + i));
            }
            RagPolicy.DatedCounts counted = counted(tasks);
            for (LocalDate day = START.minusDays(3); day.isBefore(START.plusDays(60)); day = day.plusDays(1)) {
                RagPolicy.UnitRag rated = rag.rateUnit(tasks, day);
                assertThat(rag.overdue(counted, day))
                        .as("round %d on %s: %s", round, day, tasks)
                        .isEqualTo(rated.overdue());
                assertThat(rag.worst(counted, day))
                        .as("round %d on %s: %s", round, day, tasks)
                        .isEqualTo(rated.worst());
                worst[rated.worst().ordinal()]++;
            }
        }
        assertThat(java.util.Arrays.stream(worst).min().orElseThrow())
                .as("every colour was the worst on some day")
                .isPositive();
    }

    /** The dated counts of the open tasks, as a unit's counts keep them. */
    private RagPolicy.DatedCounts counted(List<TaskRecord> tasks) {
        NavigableMap<LocalDate, Integer> redFrom = new TreeMap<>();
        NavigableMap<LocalDate, Integer> due = new TreeMap<>();
        NavigableMap<LocalDate, Integer> since = new TreeMap<>();
        for (TaskRecord task : tasks) {
            RagPolicy.RagDates dates = RagPolicy.datesOf(task, clock.getZone());
            if (dates.redFrom() != null) {
                redFrom.merge(dates.redFrom(), 1, Integer::sum);
            }
            if (dates.dueAtWork() != null) {
                due.merge(dates.dueAtWork(), 1, Integer::sum);
            }
            if (dates.reportSinceAtWork() != null) {
                since.merge(dates.reportSinceAtWork(), 1, Integer::sum);
            }
        }
        return new RagPolicy.DatedCounts(redFrom, due, since);
    }

    private static TaskRecord randomTask(Random random, String id) {
        TaskStatus status = TaskStatus.values()[random.nextInt(TaskStatus.values().length)];
        LocalDate assigned = START.minusDays(random.nextInt(20));
        LocalDate due = random.nextInt(10) == 0 ? null : START.plusDays(random.nextInt(40) - 5);
        OffsetDateTime report = random.nextBoolean()
                ? null
                : assigned.plusDays(random.nextInt(15))
                        .atTime(random.nextInt(24), 30)
                        .atOffset(ZoneOffset.ofHours(8));
        boolean submittedStatus = status == TaskStatus.COMPLETION_SUBMITTED || status == TaskStatus.CLOSED;
        LocalDate submitted = submittedStatus && due != null ? due.plusDays(random.nextInt(7) - 3) : null;
        boolean closed = status == TaskStatus.CLOSED;
        return new TaskRecord(
                id,
                "c",
                "任务",
                TaskSource.direct("批示"),
                "health",
                List.of(),
                List.of("health"),
                assigned,
                null,
                false,
                due,
                due,
                status,
                report,
                report == null ? null : "health",
                null,
                0,
                null,
                submitted,
                closed ? START.plusDays(random.nextInt(30)) : null,
                closed ? random.nextBoolean() : null,
                null,
                due != null && random.nextInt(4) == 0,
                null,
                null,
                null,
                null,
                1);
    }
}
