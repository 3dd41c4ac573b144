package cn.qinghai.ledger.query.tasklist;

import cn.qinghai.ledger.events.task.*;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongConsumer;

/** Random task histories as the Task aggregate could record them, for property tests of the task read model. */
public final class RandomTaskHistories {

    private RandomTaskHistories() {}

    /** The events of {@code count} random task histories, each in its own order, interleaved at random. */
    public static List<Runnable> interleaved(
            Random random,
            int count,
            TaskProjection projection,
            String conferenceId,
            List<String> units,
            LocalDate start) {
        List<List<Runnable>> histories = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            histories.add(history(random, "t" + i, projection, conferenceId, units, start));
        }
        List<Runnable> all = new ArrayList<>();
        int[] next = new int[count];
        while (all.size() < histories.stream().mapToInt(List::size).sum()) {
            int k = random.nextInt(count);
            if (next[k] < histories.get(k).size()) {
                all.add(histories.get(k).get(next[k]++));
            }
        }
        return all;
    }

    /** One task's events as the Task aggregate could record them, with dates that move forward. */
    private static List<Runnable> history(
            Random random,
            String taskId,
            TaskProjection projection,
            String conferenceId,
            List<String> units,
            LocalDate start) {
        List<Runnable> events = new ArrayList<>();
        String lead = units.get(random.nextInt(units.size()));
        List<String> co = units.stream()
                .filter(u -> !u.equals(lead) && random.nextInt(3) == 0)
                .toList();
        LocalDate day = start.plusDays(random.nextInt(20));
        LocalDate[] due = {day.plusDays(1 + random.nextInt(25))};
        LocalDate original = due[0];
        class Step {
            void add(LongConsumer event) {
                long seq = events.size();
                events.add(() -> event.accept(seq));
            }
        }
        Step step = new Step();
        LocalDate assigned = day;
        step.add(seq -> projection.on(
                new TaskAssignedEvent(
                        taskId, conferenceId, "事项" + taskId, lead, co, original, TaskSource.direct("批示"), assigned),
                seq));
        boolean acknowledged = false;
        LocalDate submitted = null;
        int extensions = 0;
        for (int i = 0, n = random.nextInt(9); i < n; i++) {
            day = day.plusDays(random.nextInt(7));
            LocalDate on = day;
            LocalDate dueNow = due[0];
            if (submitted != null) {
                if (random.nextBoolean()) {
                    step.add(seq -> projection.on(new TaskReturnedEvent(taskId, "补充材料", on), seq));
                    submitted = null;
                    continue;
                }
                LocalDate completed = submitted;
                step.add(seq -> projection.on(
                        new TaskClosedEvent(taskId, "销号", on, dueNow, completed, !completed.isAfter(dueNow)), seq));
                break;
            }
            switch (random.nextInt(acknowledged ? 6 : 7)) {
                case 0 -> {
                    String unit = random.nextBoolean() || co.isEmpty() ? lead : co.get(0);
                    // late evening in UTC is the next day in the conference's zone
                    OffsetDateTime at = random.nextBoolean()
                            ? on.atTime(LocalTime.of(10, 0)).atOffset(ZoneOffset.ofHours(8))
                            : on.atTime(LocalTime.of(20, 30)).atOffset(ZoneOffset.UTC);
                    int percent = 10 * (1 + random.nextInt(9));
                    step.add(seq -> projection.on(new ProgressReportedEvent(taskId, unit, percent, "进展", at), seq));
                }
                case 1 ->
                    step.add(seq -> projection.on(
                            new TaskUrgedEvent(taskId, "请加快", on.atTime(9, 0).atOffset(ZoneOffset.ofHours(8))),
                            seq,
                            "office",
                            "OFFICE"));
                case 2 -> {
                    String request = "r" + extensions++;
                    LocalDate wanted = dueNow.plusDays(1 + random.nextInt(15));
                    step.add(seq -> projection.on(
                            new ExtensionRequestedEvent(taskId, request, lead, dueNow, wanted, "理由", on), seq));
                    if (random.nextBoolean()) {
                        due[0] = wanted;
                        step.add(seq -> projection.on(
                                new DeadlineExtendedEvent(taskId, request, original, dueNow, wanted, "同意", on), seq));
                    } else {
                        step.add(seq -> projection.on(new ExtensionDeniedEvent(taskId, request, "不同意", on), seq));
                    }
                }
                case 3 ->
                    step.add(seq -> projection.on(new TaskBecameOverdueEvent(taskId, conferenceId, lead, dueNow), seq));
                case 4, 5 -> {
                    submitted = on;
                    step.add(
                            seq -> projection.on(new CompletionSubmittedEvent(taskId, lead, "完成", List.of(), on), seq));
                }
                default -> {
                    acknowledged = true;
                    step.add(seq -> projection.on(new TaskAcknowledgedEvent(taskId, lead, on), seq));
                }
            }
        }
        return events;
    }
}
