package cn.qinghai.ledger.benchmarks;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The commands real users send, over the real HTTP API: of every ten commands a client sends, seven
 * are progress reports (进展) by the lead unit on one of its recent tasks, two assign a new task (the
 * office's direct instruction, {@code dueInWorkingDays}) and one records an agreed matter (议定事项) at
 * the client's current special-topic meeting; every 20 decisions the office convenes a new meeting.
 * Each command is one synchronous request that returns once its events are stored and committed.
 */
final class Workload {

    static final String CID = "qh-infant-care";
    private static final AtomicInteger RUNS = new AtomicInteger();

    record Result(long commands, long errors, double seconds, Stats latency, String firstError) {
        double perSecond() {
            return commands / seconds;
        }
    }

    private final int port;
    private final List<String> units;
    private final String run = "r" + RUNS.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    private final AtomicLong ids = new AtomicLong();
    final AtomicReference<String> firstError = new AtomicReference<>();

    Workload(int port, List<String> units) {
        this.port = port;
        this.units = units;
    }

    /** One simulated client: its own connection, its own tasks and meeting. */
    final class Client {
        final Api api = new Api(port);
        private final int n;
        private final List<String> recentTasks = new ArrayList<>();
        private final List<Integer> percents = new ArrayList<>();
        private int cursor;
        private long step;
        private String meeting;
        private int decisionsAtMeeting;

        Client(int n) {
            this.n = n;
        }

        /** Gives the client a few tasks to report on and a meeting to record decisions at. */
        void prepare(int tasks) {
            for (int i = 0; i < tasks; i++) {
                assign();
            }
            convene();
        }

        /** Sends the next command of the mix; true if it was accepted. */
        boolean next() {
            long s = step++;
            int slot = (int) (s % 10);
            if (slot == 9) {
                return decide();
            }
            if (slot == 4 || slot == 8) {
                return assign();
            }
            return progress();
        }

        /** The task this client assigned last. */
        String lastTask() {
            return recentTasks.isEmpty()
                    ? null
                    : recentTasks.get(recentTasks.size() - 1).split(" ")[0];
        }

        String unitOf(int i) {
            return units.get(Math.floorMod(n * 7 + i, units.size()));
        }

        boolean assign() {
            String tid = run + "-c" + n + "-t" + ids.incrementAndGet();
            String lead = unitOf((int) step);
            boolean ok = check(api.post(
                    "office",
                    "/api/tasks",
                    "{\"taskId\":\"" + tid + "\",\"conferenceId\":\"" + CID
                            + "\",\"title\":\"落实托育服务事项 " + tid + "\",\"leadUnitCode\":\"" + lead
                            + "\",\"dueInWorkingDays\":20,\"source\":\"省政府领导批示\"}"));
            if (ok) {
                recentTasks.add(tid + " " + lead);
                percents.add(0);
                if (recentTasks.size() > 50) {
                    recentTasks.remove(0);
                    percents.remove(0);
                }
            }
            return ok;
        }

        boolean progress() {
            if (recentTasks.isEmpty()) {
                return assign();
            }
            int i = cursor++ % recentTasks.size();
            String[] task = recentTasks.get(i).split(" ");
            int percent = Math.min(100, percents.get(i) + 1);
            percents.set(i, percent);
            return check(api.post(
                    "unit-" + task[1],
                    "/api/tasks/" + task[0] + "/progress",
                    "{\"percentComplete\":" + percent + ",\"summary\":\"已完成调研和初稿起草，正在征求意见 第" + percent + "次\"}"));
        }

        boolean convene() {
            meeting = run + "-c" + n + "-m" + ids.incrementAndGet();
            decisionsAtMeeting = 0;
            return check(api.post(
                    "office",
                    "/api/meetings",
                    "{\"meetingId\":\"" + meeting + "\",\"conferenceId\":\""
                            + CID + "\",\"kind\":\"SPECIAL_TOPIC\",\"topic\":\"托育服务专题会议\",\"scheduledAt\":\""
                            + LocalDate.now().plusDays(7) + "T09:00:00+08:00\",\"location\":\"省卫生健康委会议室\","
                            + "\"convenedBy\":\"jin-shengshou\",\"participantUnits\":[\"" + unitOf(0) + "\",\""
                            + unitOf(1)
                            + "\",\"" + unitOf(2) + "\"]}"));
        }

        boolean decide() {
            if (meeting == null || decisionsAtMeeting >= 20) {
                return convene();
            }
            decisionsAtMeeting++;
            String did = "d" + ids.incrementAndGet();
            return check(api.post(
                    "office",
                    "/api/meetings/" + meeting + "/decisions",
                    "{\"decisionId\":\"" + did + "\",\"matter\":\"推进普惠托育服务体系建设 " + did + "\",\"major\":false}"));
        }

        private boolean check(Api.Response r) {
            if (!r.ok()) {
                firstError.compareAndSet(null, r.status() + " " + r.body());
            }
            return r.ok();
        }
    }

    List<Client> clients(int count, int tasksEach) {
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clients.add(new Client(i));
        }
        parallel(clients.size(), i -> clients.get(i).prepare(tasksEach));
        return clients;
    }

    /** Closed loop: each client sends its next command as soon as the previous one answered. */
    Result closedLoop(List<Client> clients, Duration duration) {
        Stats latency = new Stats();
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        parallel(clients.size(), i -> {
            Client c = clients.get(i);
            Stats mine = new Stats();
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                boolean ok = c.next();
                mine.add(System.nanoTime() - t0);
                (ok ? done : errors).incrementAndGet();
            }
            latency.addAll(mine);
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(done.get(), errors.get(), seconds, latency, firstError.get());
    }

    /**
     * Open loop at a fixed rate: sends are scheduled at even intervals and a late send goes at once (no
     * skipping), so the latency counts from the scheduled time and a saturated server shows as a lower
     * achieved rate. Meanwhile {@code probe} runs on its own thread until the load ends.
     */
    Result paced(List<Client> clients, double perSecond, Duration duration, Runnable probe) {
        Stats latency = new Stats();
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long interval = (long) (clients.size() * 1e9 / perSecond);
        Thread prober = new Thread(probe, "lag-probe");
        prober.start();
        parallel(clients.size(), i -> {
            Client c = clients.get(i);
            Stats mine = new Stats();
            long due = start + interval * i / clients.size();
            while (due < end) {
                long now = System.nanoTime();
                if (due > now) {
                    sleepNanos(due - now);
                }
                boolean ok = c.next();
                mine.add(System.nanoTime() - due);
                (ok ? done : errors).incrementAndGet();
                due += interval;
            }
            latency.addAll(mine);
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        prober.interrupt();
        try {
            prober.join(Duration.ofSeconds(90).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Result(done.get(), errors.get(), seconds, latency, firstError.get());
    }

    /**
     * Lag probes: the office assigns a new task, and from the moment the command is accepted a viewer
     * polls {@code GET /api/tasks/{tid}} every {@code pollMillis} until the task read model shows it.
     * One probe at a time, one every {@code everyMillis} at most; a probe not visible after
     * {@code giveUp} is counted as lost.
     */
    Runnable lagProbe(
            Stats lag,
            List<long[]> timeline,
            AtomicLong lost,
            long everyMillis,
            long pollMillis,
            Duration giveUp,
            LongSupplier clock) {
        return () -> {
            try {
                probeUntilInterrupted(lag, timeline, lost, everyMillis, pollMillis, giveUp, clock);
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof InterruptedException)) {
                    throw e;
                }
            }
        };
    }

    private void probeUntilInterrupted(
            Stats lag,
            List<long[]> timeline,
            AtomicLong lost,
            long everyMillis,
            long pollMillis,
            Duration giveUp,
            LongSupplier clock) {
        {
            Api api = new Api(port);
            long t0 = clock.getAsLong();
            while (!Thread.currentThread().isInterrupted()) {
                long began = System.nanoTime();
                String tid = run + "-probe" + ids.incrementAndGet();
                var r = api.post(
                        "office",
                        "/api/tasks",
                        "{\"taskId\":\"" + tid + "\",\"conferenceId\":\"" + CID
                                + "\",\"title\":\"时延探针\",\"leadUnitCode\":\"" + units.get(0)
                                + "\",\"dueInWorkingDays\":20,\"source\":\"基准测试\"}");
                if (!r.ok()) {
                    firstError.compareAndSet(null, "probe " + r.status() + " " + r.body());
                    sleepNanos(everyMillis * 1_000_000);
                    continue;
                }
                long accepted = System.nanoTime();
                boolean seen = false;
                while (System.nanoTime() - accepted < giveUp.toNanos()) {
                    if (api.get("viewer", "/api/tasks/" + tid).status() == 200) {
                        seen = true;
                        break;
                    }
                    sleepNanos(pollMillis * 1_000_000);
                }
                long visible = System.nanoTime();
                if (seen) {
                    lag.add(visible - accepted);
                    synchronized (timeline) {
                        timeline.add(new long[] {accepted - t0, visible - accepted});
                    }
                } else {
                    lost.incrementAndGet();
                }
                long rest = everyMillis * 1_000_000 - (System.nanoTime() - began);
                if (rest > 0) {
                    if (!sleepNanos(rest)) {
                        return;
                    }
                }
            }
        }
    }

    static boolean sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    interface IntTask {
        void run(int i);
    }

    static void parallel(int n, IntTask task) {
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            Thread thread = new Thread(
                    () -> {
                        try {
                            task.run(k);
                        } catch (Throwable t) {
                            failure.compareAndSet(null, t);
                        }
                    },
                    "client-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a client failed", failure.get());
        }
    }
}
