package cn.qinghai.ledger.query.unitstatus;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qinghai.ledger.events.task.*;
import cn.qinghai.ledger.platform.web.ReadModelRebuildingException;
import cn.qinghai.ledger.query.platform.InMemoryMongo;
import cn.qinghai.ledger.query.platform.ProcessorBatch;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelStore;
import cn.qinghai.ledger.query.roster.RosterFixture;
import cn.qinghai.ledger.query.roster.RosterQueries;
import cn.qinghai.ledger.query.tasklist.RagPolicy;
import cn.qinghai.ledger.query.tasklist.RandomTaskHistories;
import cn.qinghai.ledger.query.tasklist.TaskFixture;
import cn.qinghai.ledger.query.tasklist.TaskProjection;
import cn.qinghai.ledger.query.tasklist.TaskReadModel;
import cn.qinghai.ledger.query.tasklist.TaskRecord;
import cn.qinghai.ledger.testsupport.MutableClock;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The board read from the units' task counts equals the board that rates every task, whatever the
 * histories, the day, the batching and the redeliveries; and a batch stopped between its writes and
 * handed again counts each change once, whoever hands it.
 */
class UnitBoardFromCountsTest {

    static final String CID = "c";
    static final List<String> UNITS = List.of("health", "education", "finance");
    static final LocalDate START = LocalDate.of(2025, 3, 3);

    InMemoryMongo mongo;
    MutableClock clock;
    UnitStatusQueries board;
    TaskProjection projection;
    TaskFixture tasks;

    @BeforeEach
    void setUp() {
        mongo = new InMemoryMongo();
        clock = MutableClock.on(START);
        RosterFixture.seed(mongo.db, CID);
        tasks = new TaskFixture(mongo.db, clock);
        projection = tasks.projection;
        board = new UnitStatusQueries(new RosterQueries(mongo.db), tasks.readModel, tasks.rag);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void countsGiveTheBoardThatRatingEveryTaskGivesOnEveryDayThroughRandomHistories() throws Exception {
        for (long seed = 1; seed <= 8; seed++) {
            tearDown();
            setUp();
            Random random = new Random(seed);
            List<Runnable> events = RandomTaskHistories.interleaved(random, 30, projection, CID, UNITS, START);
            int delivered = 0;
            List<Runnable> previous = List.of();
            while (delivered < events.size()) {
                int size = 1 + random.nextInt(8);
                List<Runnable> batch = events.subList(delivered, Math.min(events.size(), delivered + size));
                deliver(batch, random);
                if (random.nextInt(5) == 0) {
                    deliver(previous, random); // handed again after a failure: changes nothing
                }
                previous = batch;
                delivered += batch.size();
                if (random.nextInt(3) == 0) {
                    assertSameBoard(
                            "seed " + seed + " after " + delivered + " events", START.plusDays(random.nextInt(90)));
                }
            }
            for (LocalDate day = START.minusDays(2); day.isBefore(START.plusDays(100)); day = day.plusDays(1)) {
                assertSameBoard("seed " + seed, day);
            }
        }
    }

    /**
     * A batch writes four times: its tasks (each with its change to the counts), the counts, the tasks
     * again (the change removed), the counts again (the keys forgotten). Stopped before any of them and
     * handed again, it counts each change once, and leaves nothing behind but, at worst, keys.
     */
    @ParameterizedTest(name = "stopped at write {1} of {0}")
    @CsvSource({"tasks, 1", TaskFixture.UNIT_COUNTS + ", 1", "tasks, 2", TaskFixture.UNIT_COUNTS + ", 2"})
    void aBatchStoppedAtAnyWriteIsCountedOnceWhenHandedAgain(String collection, int write) throws Exception {
        AtomicInteger failAt = new AtomicInteger();
        projection = projectionWith(collection, failAt);
        ProcessorBatch.run(assignTwoToHealth());
        clock.set(START.plusDays(7));
        UnitStatusView before = unit("health");
        assertThat(before.tasks().open()).isEqualTo(2);
        assertThat(before.overdue()).isEqualTo(1);

        failAt.set(write);
        assertThatThrownBy(() -> ProcessorBatch.run(closeT1())).hasStackTraceContaining("went away");
        assertThat(unit("health"))
                .as("between the writes: the state before the batch, or after it, never a mixture")
                .isIn(before, rated(unit("health")));
        ProcessorBatch.run(closeT1()); // handed again

        UnitStatusView after = unit("health");
        assertThat(after.tasks().closed()).isEqualTo(1);
        assertThat(after.tasks().open()).isEqualTo(1);
        assertThat(after.closedOnTime()).isEqualTo(1);
        assertThat(after.overdue()).isZero();
        assertThat(after).isEqualTo(rated(unit("health")));
        assertThat(mongo.db.getCollection("tasks").find(exists("pendingChange")).first())
                .as("no change left in a task")
                .isNull();
        ProcessorBatch.run(closeT1()); // and again: nothing changes
        assertThat(unit("health")).isEqualTo(after);
    }

    @Test
    void onMongoDbAStalledWorkersChangeTakenOverByItsSuccessorIsCountedOnce() throws Exception {
        AtomicInteger at = new AtomicInteger();
        ReadModelCollections successorsCollections = onMongoDb(name -> mongo.db.getCollection(name));
        TaskProjection successor = new TaskProjection(successorsCollections, clock, new UnitTaskCounts());
        CompletionSubmittedEvent submitted =
                new CompletionSubmittedEvent("t1", "health", "完成", List.of(), START.plusDays(3));
        MongoCollection<Document> stalledCounts =
                interceptBulkWrite(mongo.db.getCollection(TaskFixture.UNIT_COUNTS), at, () -> {
                    // the stalled worker wrote t1 with its change and stops before counting: its successor
                    // handles the same event in another thread, finds the change in t1 and applies it
                    batchInAnotherThread(() -> successor.on(submitted, 1));
                });
        TaskProjection stalled = new TaskProjection(
                onMongoDb(name -> name.equals(TaskFixture.UNIT_COUNTS) ? stalledCounts : mongo.db.getCollection(name)),
                clock,
                new UnitTaskCounts());
        stalled.on(
                new TaskAssignedEvent(
                        "t1", CID, "甲", "health", List.of(), START.plusDays(4), TaskSource.direct("批示"), START),
                0);

        at.set(1);
        ProcessorBatch.run(List.of(() -> stalled.on(submitted, 1))); // wakes up and counts: finds the key

        UnitStatusView health = unit("health");
        assertThat(health.tasks()).isEqualTo(new UnitStatusView.TaskCounts(1, 0, 0, 0, 1, 0, 1, 0));
        assertThat(health).isEqualTo(rated(unit("health")));
        assertThat(mongo.db
                        .getCollection(TaskFixture.UNIT_COUNTS)
                        .find(eq("_id", CID + "/health"))
                        .first()
                        .getList("applied", String.class))
                .as("a change taken over keeps its key")
                .containsExactly("t1@1");
    }

    @Test
    void onMongoDbAWorkerThatLostItsSegmentMidBatchFailsInsteadOfCountingTheBatchTwice() throws Exception {
        ReadModelCollections mongoDb = onMongoDb(name -> mongo.db.getCollection(name));
        TaskProjection stalled = new TaskProjection(mongoDb, clock, new UnitTaskCounts());
        TaskProjection successor = new TaskProjection(mongoDb, clock, new UnitTaskCounts());
        stalled.on(
                new TaskAssignedEvent(
                        "t1", CID, "甲", "health", List.of(), START.plusDays(4), TaskSource.direct("批示"), START),
                0);
        CompletionSubmittedEvent submitted =
                new CompletionSubmittedEvent("t1", "health", "完成", List.of(), START.plusDays(3));

        // the stalled worker has read t1 when its successor handles the same event, in another thread
        assertThatThrownBy(() -> ProcessorBatch.run(List.of(() -> stalled.on(submitted, 1)), k -> {
                    batchInAnotherThread(() -> successor.on(submitted, 1));
                }))
                .hasStackTraceContaining("another worker");

        UnitStatusView health = unit("health");
        assertThat(health.tasks()).isEqualTo(new UnitStatusView.TaskCounts(1, 0, 0, 0, 1, 0, 1, 0));
        assertThat(health).isEqualTo(rated(unit("health")));
    }

    @Test
    void aTaskListWrittenByAnEarlierVersionIsNeitherReadNorWrittenUntilRebuilt() {
        projection.on(
                new TaskAssignedEvent(
                        "t1", CID, "甲", "education", List.of(), START.plusDays(1), TaskSource.direct("批示"), START),
                0);
        assertThat(projection.upToDate()).isTrue();

        // counted under other rules (a later version changed what a task contributes)
        mongo.db
                .getCollection(TaskFixture.UNIT_COUNTS)
                .updateOne(eq("_id", TaskFixture.ORIGIN), com.mongodb.client.model.Updates.set("rules", 0));
        TaskFixture fresh = new TaskFixture(mongo.db, clock); // a process started on it
        UnitStatusQueries freshBoard = new UnitStatusQueries(new RosterQueries(mongo.db), fresh.readModel, fresh.rag);
        assertThat(fresh.projection.upToDate()).isFalse();
        assertThatThrownBy(() -> freshBoard.handle(new FindUnitStatusQuery(CID, "education")))
                .isInstanceOf(ReadModelRebuildingException.class)
                .hasMessageContaining("rules=0");
        assertThatThrownBy(() -> fresh.queries.handle(new FindTasksQuery(CID, null, null, RagStatus.RED, null, 0, 10)))
                .isInstanceOf(ReadModelRebuildingException.class);

        // and one written before the format and rules were recorded at all
        mongo.db.getCollection(TaskFixture.UNIT_COUNTS).deleteOne(eq("_id", TaskFixture.ORIGIN));
        TaskFixture older = new TaskFixture(mongo.db, clock);
        assertThat(older.projection.upToDate()).isFalse();
        assertThatThrownBy(() -> older.readModel.find("t1")).isInstanceOf(ReadModelRebuildingException.class);

        // reset (as a rebuild's fresh generation starts): written and read again
        older.projection.reset();
        assertThat(older.projection.upToDate()).isTrue();
        assertThat(older.readModel.find("t1")).isEmpty();
    }

    @Test
    void aUnitsCountsKeepTheDatesOfOpenTasksOnly() {
        projection.on(
                new TaskAssignedEvent(
                        "t1", CID, "甲", "finance", List.of(), START.plusDays(10), TaskSource.direct("批示"), START),
                0);
        projection.on(new CompletionSubmittedEvent("t1", "finance", "完成", List.of(), START.plusDays(2)), 1);
        projection.on(
                new TaskClosedEvent("t1", "销号", START.plusDays(3), START.plusDays(10), START.plusDays(2), true), 2);
        Document finance = mongo.db
                .getCollection(TaskFixture.UNIT_COUNTS)
                .find(eq("_id", CID + "/finance"))
                .first();
        assertThat(finance.get("due", Document.class)).isEmpty();
        assertThat(finance.get("since", Document.class)).isEmpty();
        assertThat(finance.get("overdueFrom", Document.class)).isEmpty();
        assertThat(finance.getList("applied", String.class))
                .as("keys forgotten")
                .isEmpty();
        assertThat(finance.get("lead", Document.class))
                .containsEntry("CLOSED", 1)
                .containsEntry("closedOnTime", 1);
    }

    // ------------------------------------------------------------------ helpers

    private List<Runnable> assignTwoToHealth() {
        return List.of(
                () -> projection.on(
                        new TaskAssignedEvent(
                                "t1",
                                CID,
                                "甲",
                                "health",
                                List.of("education"),
                                START.plusDays(4),
                                TaskSource.direct("批示"),
                                START),
                        0),
                () -> projection.on(
                        new TaskAssignedEvent(
                                "t2",
                                CID,
                                "乙",
                                "health",
                                List.of(),
                                START.plusDays(30),
                                TaskSource.direct("批示"),
                                START),
                        0));
    }

    private List<Runnable> closeT1() {
        return List.of(
                () -> projection.on(
                        new CompletionSubmittedEvent("t1", "health", "完成", List.of(), START.plusDays(3)), 1),
                () -> projection.on(
                        new TaskClosedEvent("t1", "销号", START.plusDays(7), START.plusDays(4), START.plusDays(3), true),
                        2));
    }

    /** A projection whose collection {@code name} fails its {@code failAt}-th bulk write once armed (0: never). */
    private TaskProjection projectionWith(String name, AtomicInteger failAt) {
        return projectionWith(name, failAt, () -> {
            throw new MongoException("the read model store went away");
        });
    }

    /** A projection whose collection {@code name} runs {@code before} ahead of its {@code at}-th bulk write once armed. */
    private TaskProjection projectionWith(String name, AtomicInteger at, Runnable before) {
        MongoCollection<Document> intercepted = interceptBulkWrite(mongo.db.getCollection(name), at, before);
        return new TaskProjection(
                logical -> logical.equals(name) ? intercepted : mongo.db.getCollection(logical),
                clock,
                new UnitTaskCounts());
    }

    private UnitStatusView unit(String code) {
        return board.handle(new FindUnitStatusQuery(CID, code)).orElseThrow();
    }

    private void assertSameBoard(String when, LocalDate day) {
        clock.set(day);
        UnitStatusList counted = board.handle(new FindUnitStatusBoardQuery(CID, true));
        assertThat(counted).as(when + ", on " + day).isEqualTo(rated(counted));
        for (String code : UNITS) {
            assertThat(unit(code))
                    .as(when + ", " + code + " alone, on " + day)
                    .isEqualTo(counted.items().stream()
                            .filter(u -> u.unitCode().equals(code))
                            .findFirst()
                            .orElseThrow());
        }
    }

    /**
     * {@code counted} as rating each of the unit's tasks one by one gives it ({@link RagPolicy#rateUnit}): the
     * oracle the counts are held equal to. Its roster fields and latest report are taken as they are.
     */
    private UnitStatusView rated(UnitStatusView counted) {
        String code = counted.unitCode();
        int total = 0, assigned = 0, acknowledged = 0, inProgress = 0, submitted = 0, closed = 0, asCoUnit = 0;
        int closedOnTime = 0;
        List<TaskRecord> led = new java.util.ArrayList<>();
        for (TaskRecord task : tasks.readModel.find(TaskReadModel.filter(counted.conferenceId(), null, null, null))) {
            if (!code.equals(task.leadUnitCode())) {
                if (task.coUnitCodes().contains(code) && !task.closed()) {
                    asCoUnit++;
                }
                continue;
            }
            total++;
            led.add(task);
            switch (task.status()) {
                case ASSIGNED -> assigned++;
                case ACKNOWLEDGED -> acknowledged++;
                case IN_PROGRESS -> inProgress++;
                case COMPLETION_SUBMITTED -> submitted++;
                case CLOSED -> closed++;
            }
            if (task.closed() && Boolean.TRUE.equals(task.onTime())) {
                closedOnTime++;
            }
        }
        RagPolicy.UnitRag rated = tasks.rag.rateUnit(led, tasks.rag.today());
        Double rate = closed == 0 ? null : Math.round(10_000.0 * closedOnTime / closed) / 10_000.0;
        return new UnitStatusView(
                counted.conferenceId(),
                code,
                counted.name(),
                counted.duties(),
                counted.active(),
                counted.addedOn(),
                counted.removedOn(),
                counted.member(),
                counted.liaison(),
                new UnitStatusView.TaskCounts(
                        total, assigned, acknowledged, inProgress, submitted, closed, total - closed, asCoUnit),
                rated.overdue(),
                closedOnTime,
                rate,
                counted.lastReportAt(),
                rated.worst(),
                counted.decisions());
    }

    private UnitStatusList rated(UnitStatusList counted) {
        return new UnitStatusList(counted.items().stream().map(this::rated).toList(), counted.total());
    }

    /** Hands {@code events} as one processor batch, or (one time in four) one by one as a dead-letter retry would. */
    private static void deliver(List<Runnable> events, Random random) throws Exception {
        if (events.isEmpty()) {
            return;
        }
        if (random.nextInt(4) == 0) {
            events.forEach(Runnable::run);
        } else {
            ProcessorBatch.run(events);
        }
    }

    /** Hands {@code step} as a batch of its own in another thread, and waits for it: a second worker. */
    private static void batchInAnotherThread(Runnable step) {
        Thread other = new Thread(() -> {
            try {
                ProcessorBatch.run(List.of(step));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        other.start();
        try {
            other.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Collections as MongoDB serves them: a store shared across processes. */
    private static ReadModelCollections onMongoDb(java.util.function.Function<String, MongoCollection<Document>> get) {
        return new ReadModelCollections() {
            @Override
            public MongoCollection<Document> get(String logicalName) {
                return get.apply(logicalName);
            }

            @Override
            public ReadModelStore store() {
                return ReadModelStore.MONGODB;
            }
        };
    }

    @SuppressWarnings("unchecked")
    /** {@code real}, and the typed views of it ({@code withDocumentClass}, ...), counting their bulk writes together. */
    private static <T> MongoCollection<T> interceptBulkWrite(
            MongoCollection<T> real, AtomicInteger at, Runnable before) {
        return (MongoCollection<T>) Proxy.newProxyInstance(
                UnitBoardFromCountsTest.class.getClassLoader(),
                new Class<?>[] {MongoCollection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("bulkWrite") && at.get() > 0 && at.decrementAndGet() == 0) {
                        before.run();
                    }
                    try {
                        Object result = method.invoke(real, args);
                        return result instanceof MongoCollection<?> view
                                        && method.getName().startsWith("with")
                                ? interceptBulkWrite(view, at, before)
                                : result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
