package cn.qinghai.ledger.standalone;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Clients that take tasks through the whole 督办 loop (assign, acknowledge, report, urge, report,
 * complete, close), every request with its own {@code Idempotency-Key}, until the service dies under
 * them. What was answered {@code 2xx} is remembered, and so is the request each client had in flight
 * when its connection broke: the one it will retry, with the same key, once the service is back.
 */
final class CrashWorkload {

    static final String CID = "qh-infant-care";
    static final List<String> UNITS =
            List.of("education", "health", "finance", "civil-affairs", "housing", "natural-resources");

    /** One request of the loop, and the event it stores when it succeeds. */
    record Step(String taskId, String user, String path, String body, String key, String eventType) {

        LedgerApi.Response send(LedgerApi api) {
            return api.send(user, "POST", path, body, "Idempotency-Key", key);
        }
    }

    final ConcurrentLinkedQueue<Step> acknowledged = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Step> inFlight = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

    /** The loop of one task, led by {@code unit}. */
    static List<Step> loop(String taskId, String unit) {
        String lead = "unit-" + unit;
        String task = "/api/tasks/" + taskId;
        return List.of(
                new Step(
                        taskId,
                        "office",
                        "/api/tasks",
                        """
                        {"taskId":"%s","conferenceId":"%s","title":"报送托育服务情况","leadUnitCode":"%s",
                         "dueInWorkingDays":10,"source":"办公室通知"}""".formatted(taskId, CID, unit),
                        taskId + "-assign",
                        "TaskAssignedEvent"),
                new Step(taskId, lead, task + "/acknowledgement", "{}", taskId + "-ack", "TaskAcknowledgedEvent"),
                new Step(
                        taskId,
                        lead,
                        task + "/progress",
                        "{\"percentComplete\":40,\"summary\":\"已完成摸底\"}",
                        taskId + "-p40",
                        "ProgressReportedEvent"),
                new Step(
                        taskId,
                        "office",
                        task + "/urgings",
                        "{\"note\":\"请加快进度\"}",
                        taskId + "-urge",
                        "TaskUrgedEvent"),
                // completion means 100 % (CompletionMeansOneHundredPercent): the last report says so
                new Step(
                        taskId,
                        lead,
                        task + "/progress",
                        "{\"percentComplete\":100,\"summary\":\"方案已印发\"}",
                        taskId + "-p100",
                        "ProgressReportedEvent"),
                new Step(
                        taskId,
                        lead,
                        task + "/completion",
                        "{\"summary\":\"方案已印发\"}",
                        taskId + "-done",
                        "CompletionSubmittedEvent"),
                new Step(taskId, "office", task + "/closure", "{}", taskId + "-close", "TaskClosedEvent"));
    }

    /** Runs {@code clients} clients until {@code stop} is set (or their service is gone). */
    ExecutorService start(LedgerApi api, String round, int clients, AtomicBoolean stop) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                for (int n = 0; !stop.get(); n++) {
                    String taskId = "crash-" + round + "-c" + client + "-" + n;
                    for (Step step : loop(taskId, UNITS.get(client % UNITS.size()))) {
                        if (!send(api, step)) {
                            return;
                        }
                    }
                }
            });
        }
        return pool;
    }

    /** Sends one step; false when the client must stop (its service is gone, or it was refused). */
    private boolean send(LedgerApi api, Step step) {
        LedgerApi.Response response;
        try {
            response = step.send(api);
        } catch (UncheckedIOException broken) {
            inFlight.add(step);
            return false;
        }
        if (response.status() / 100 == 2) {
            acknowledged.add(step);
            return true;
        }
        if (response.status() == 503) { // shutting down or a store refusing: nothing was stored
            inFlight.add(step);
        } else {
            unexpected.add(step.key() + " -> " + response.status() + " " + response.raw());
        }
        return false;
    }

    static void stop(ExecutorService pool) throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** Each task's expected events by type, for every step known to have taken effect. */
    static Map<String, Map<String, Integer>> expected(List<Step> effective) {
        Map<String, Map<String, Integer>> byTask = new TreeMap<>();
        for (Step step : effective) {
            byTask.computeIfAbsent(step.taskId(), t -> new TreeMap<>()).merge(step.eventType(), 1, Integer::sum);
        }
        return byTask;
    }

    static List<Step> all(ConcurrentLinkedQueue<Step> queue) {
        return new ArrayList<>(queue);
    }

    static Duration between(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
