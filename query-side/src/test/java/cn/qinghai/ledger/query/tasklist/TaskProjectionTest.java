package cn.qinghai.ledger.query.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qinghai.ledger.events.task.*;
import cn.qinghai.ledger.query.platform.AggregateStream;
import cn.qinghai.ledger.query.platform.InMemoryMongo;
import cn.qinghai.ledger.query.platform.ProcessorBatch;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelStore;
import cn.qinghai.ledger.query.roster.RosterFixture;
import cn.qinghai.ledger.query.unitstatus.UnitTaskCounts;
import cn.qinghai.ledger.testsupport.MutableClock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The task read model through the real MongoDB driver, with RAG computed from a clock the test moves. */
class TaskProjectionTest {

    static final String CID = "c";
    static final TaskSource FROM_DECISION = TaskSource.decision("m1", "d1", "青卫纪〔2025〕1号");

    InMemoryMongo mongo;
    MutableClock clock;
    TaskFixture tasks;
    TaskProjection projection;

    /** t1: assigned, worked on, urged, an extension denied then one granted, returned once, closed on time. */
    final AggregateStream t1 = new AggregateStream();
    /** t2: assigned on Monday 3 March 2025, due Friday 14 March, one report on 5 March. */
    final AggregateStream t2 = new AggregateStream();

    @BeforeEach
    void setUp() {
        mongo = new InMemoryMongo();
        clock = MutableClock.on(day("2025-03-03"));
        RosterFixture.seed(mongo.db, CID);
        tasks = new TaskFixture(mongo.db, clock);
        projection = tasks.projection;

        t1.then(seq -> projection.on(
                        new TaskAssignedEvent(
                                "t1",
                                CID,
                                "建设托育综合服务中心",
                                "health",
                                List.of("education"),
                                day("2025-03-31"),
                                FROM_DECISION,
                                day("2025-03-03")),
                        seq))
                .then(seq -> projection.on(new TaskAcknowledgedEvent("t1", "health", day("2025-03-04")), seq))
                .then(seq -> projection.on(
                        new ProgressReportedEvent("t1", "health", 30, "选址完成", at("2025-03-05T10:00:00+08:00")), seq))
                .then(seq -> projection.on(
                        new ProgressReportedEvent("t1", "education", 20, "师资方案起草", at("2025-03-06T16:30:00+08:00")),
                        seq))
                .then(seq -> projection.on(
                        new TaskUrgedEvent("t1", "请加快进度", at("2025-03-20T09:00:00+08:00")), seq, "office", "OFFICE"))
                .then(seq -> projection.on(
                        new ExtensionRequestedEvent(
                                "t1", "r1", "health", day("2025-03-31"), day("2025-04-30"), "资金未到位", day("2025-03-21")),
                        seq))
                .then(seq -> projection.on(new ExtensionDeniedEvent("t1", "r1", "理由不充分", day("2025-03-24")), seq))
                .then(seq -> projection.on(
                        new ExtensionRequestedEvent(
                                "t1",
                                "r2",
                                "health",
                                day("2025-03-31"),
                                day("2025-04-15"),
                                "设备到货延迟",
                                day("2025-03-25")),
                        seq))
                .then(seq -> projection.on(
                        new DeadlineExtendedEvent(
                                "t1",
                                "r2",
                                day("2025-03-31"),
                                day("2025-03-31"),
                                day("2025-04-15"),
                                "同意延期",
                                day("2025-03-26")),
                        seq))
                .then(seq -> projection.on(
                        new CompletionSubmittedEvent("t1", "health", "中心已建成", List.of("验收报告.pdf"), day("2025-04-10")),
                        seq))
                .then(seq -> projection.on(new TaskReturnedEvent("t1", "缺少消防验收材料", day("2025-04-11")), seq))
                .then(seq -> projection.on(
                        new ProgressReportedEvent("t1", "health", 90, "补办消防验收", at("2025-04-14T11:00:00+08:00")), seq))
                .then(seq -> projection.on(
                        new CompletionSubmittedEvent(
                                "t1", "health", "中心已建成并通过消防验收", List.of("验收报告.pdf", "消防验收意见书.pdf"), day("2025-04-14")),
                        seq))
                .then(seq -> projection.on(
                        new TaskClosedEvent(
                                "t1", "同意销号", day("2025-04-16"), day("2025-04-15"), day("2025-04-14"), true),
                        seq));

        t2.then(seq -> projection.on(
                        new TaskAssignedEvent(
                                "t2",
                                CID,
                                "出台托育补贴办法",
                                "finance",
                                List.of("health"),
                                day("2025-03-14"),
                                TaskSource.direct("省政府领导批示"),
                                day("2025-03-03")),
                        seq))
                .then(seq -> projection.on(
                        new ProgressReportedEvent("t2", "finance", 10, "起草中", at("2025-03-05T09:00:00+08:00")), seq));
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void aBatchWritesAfterItsLastEventExactlyWhatEventsHandledOneByOneWrite() throws Exception {
        t1.deliver();
        t2.deliver();
        List<Document> oneByOne = mongo.snapshot(ALL);
        try (InMemoryMongo other = new InMemoryMongo()) {
            RosterFixture.seed(other.db, CID);
            projection = new TaskProjection(other.db, clock, new UnitTaskCounts());
            List<Runnable> steps = steps();
            List<Document> beforeLast = new ArrayList<>();
            ProcessorBatch.run(steps, k -> {
                if (k == steps.size() - 2) {
                    beforeLast.addAll(other.snapshot(ALL));
                }
            });
            assertThat(beforeLast)
                    .as("nothing is written before the batch's last event")
                    .isEmpty();
            assertThat(other.snapshot(ALL)).isEqualTo(oneByOne);
            assertThat(counts(other)).as("unit counts").isEqualTo(counts(mongo));
        }
    }

    @Test
    void aBatchThatFailsWritesNothingAndItsSecondDeliveryWritesEverything() throws Exception {
        t1.deliver();
        t2.deliver();
        List<Document> oneByOne = mongo.snapshot(ALL);
        try (InMemoryMongo other = new InMemoryMongo()) {
            RosterFixture.seed(other.db, CID);
            projection = new TaskProjection(other.db, clock, new UnitTaskCounts());
            List<Runnable> failing = new ArrayList<>(steps());
            failing.add(() -> {
                throw new IllegalStateException("the read model store went away");
            });
            assertThatThrownBy(() -> ProcessorBatch.run(failing)).hasMessageContaining("went away");
            assertThat(other.snapshot(ALL)).isEmpty();

            ProcessorBatch.run(steps());
            assertThat(other.snapshot(ALL)).isEqualTo(oneByOne);
            assertThat(counts(other)).as("unit counts").isEqualTo(counts(mongo));
            ProcessorBatch.run(steps());
            assertThat(counts(other))
                    .as("unit counts after the same batch again")
                    .isEqualTo(counts(mongo));
        }
    }

    private static final String[] ALL = {TaskProjection.TASKS, TaskProjection.HISTORY, TaskProjection.UNIT_REPORTS};

    /**
     * The unit counts, without what depends on how events were batched: the marks, the number of writes,
     * and the traces of values that came and went (an emptied map, a unit with nothing left to count).
     */
    private static List<Document> counts(InMemoryMongo m) {
        List<Document> counts = m.snapshot(TaskFixture.UNIT_COUNTS);
        counts.forEach(d -> {
            // empty parts: counts gone down to zero, keys of changes applied and forgotten
            d.values()
                    .removeIf(v -> (v instanceof Document inner && inner.isEmpty())
                            || (v instanceof List<?> keys && keys.isEmpty()));
        });
        counts.removeIf(d -> d.keySet().equals(java.util.Set.of("_id", "conferenceId", "unitCode")));
        return counts;
    }

    /** Every event of t1 and t2, one step each, in the order the processor would hand them. */
    private List<Runnable> steps() {
        List<Runnable> steps = new ArrayList<>();
        for (AggregateStream stream : List.of(t1, t2)) {
            for (int i = 0; i < stream.size(); i++) {
                int seq = i;
                steps.add(() -> stream.deliver(seq, seq + 1));
            }
        }
        return steps;
    }

    @Test
    void theDetailShowsProgressUrgingsExtensionsCompletionReturnsAndClosure() {
        t1.deliver();
        clock.set(day("2025-04-20"));

        TaskView view = tasks.queries.handle(new FindTaskQuery("t1")).orElseThrow();

        assertThat(view.title()).isEqualTo("建设托育综合服务中心");
        assertThat(view.source()).isEqualTo(FROM_DECISION);
        assertThat(view.lead()).isEqualTo(new TaskView.Unit("health", "省卫生健康委"));
        assertThat(view.coUnits()).containsExactly(new TaskView.Unit("education", "省教育厅"));
        assertThat(view.originalDueDate()).isEqualTo(day("2025-03-31"));
        assertThat(view.dueDate()).isEqualTo(day("2025-04-15"));
        assertThat(view.acknowledgedOn()).isEqualTo(day("2025-03-04"));
        assertThat(view.status()).isEqualTo(TaskStatus.CLOSED);
        assertThat(view.latestPercents())
                .extracting(
                        TaskView.UnitPercent::unitCode,
                        TaskView.UnitPercent::unitName,
                        TaskView.UnitPercent::percentComplete)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("health", "省卫生健康委", 90),
                        org.assertj.core.groups.Tuple.tuple("education", "省教育厅", 20));
        assertThat(view.progress()).extracting(TaskView.Progress::summary).containsExactly("选址完成", "师资方案起草", "补办消防验收");
        assertThat(view.urgings())
                .containsExactly(new TaskView.Urging("请加快进度", at("2025-03-20T09:00:00+08:00"), "office", "OFFICE"));
        assertThat(view.extensions())
                .extracting(TaskView.Extension::requestId, TaskView.Extension::state, TaskView.Extension::decisionNote)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("r1", ExtensionState.DENIED, "理由不充分"),
                        org.assertj.core.groups.Tuple.tuple("r2", ExtensionState.GRANTED, "同意延期"));
        assertThat(view.completion().summary()).isEqualTo("中心已建成并通过消防验收");
        assertThat(view.completion().evidence()).containsExactly("验收报告.pdf", "消防验收意见书.pdf");
        assertThat(view.returns()).containsExactly(new TaskView.Return("缺少消防验收材料", day("2025-04-11")));
        assertThat(view.closure()).isEqualTo(new TaskView.Closure(day("2025-04-16"), "同意销号", day("2025-04-14"), true));
        assertThat(view.rag()).isEqualTo(RagStatus.GREEN);
        assertThat(view.ragReason()).isEqualTo(RagReason.CLOSED);
        assertThat(view.overdue()).isFalse();
    }

    @Test
    void theHistoryIsReadWholeOnEitherStoreEvenFarBeyondTheTasksLastChange() {
        for (int i = 0; i < 70; i++) { // history only: the task document keeps seq 1
            t2.then(seq -> projection.on(
                    new ExtensionRequestedEvent(
                            "t2",
                            "r" + seq,
                            "finance",
                            day("2025-03-14"),
                            day("2025-03-31"),
                            "理由" + seq,
                            day("2025-03-10")),
                    seq));
        }
        t2.deliver();
        TaskRecord t = tasks.readModel.find("t2").orElseThrow();
        assertThat(t.seq()).isEqualTo(1);

        List<TaskHistoryEntry> indexed = tasks.readModel.history(t);
        List<TaskHistoryEntry> byId = new TaskReadModel(
                        ReadModelCollections.of(mongo.db::getCollection, ReadModelStore.IN_PROCESS), clock.getZone())
                .history(t);
        assertThat(indexed)
                .extracting(TaskHistoryEntry::seq)
                .containsExactlyElementsOf(
                        java.util.stream.LongStream.range(1, 72).boxed().toList());
        assertThat(byId).isEqualTo(indexed);
        assertThat(view("t2").extensions()).hasSize(70);
    }

    @Test
    void aTaskTurnsAmberThenRedPurelyAsTheClockMoves() {
        t2.deliver();

        clock.set(day("2025-03-06"));
        assertThat(rag("t2")).isEqualTo(RagReason.ON_TRACK);
        clock.set(day("2025-03-10")); // four working days left
        assertThat(rag("t2")).isEqualTo(RagReason.ON_TRACK);
        clock.set(day("2025-03-11")); // three working days left: the warning window
        assertThat(rag("t2")).isEqualTo(RagReason.DUE_SOON);
        clock.set(day("2025-03-14")); // due today
        assertThat(view("t2").rag()).isEqualTo(RagStatus.AMBER);
        clock.set(day("2025-03-15")); // the day after
        TaskView late = view("t2");
        assertThat(late.rag()).isEqualTo(RagStatus.RED);
        assertThat(late.ragReason()).isEqualTo(RagReason.OVERDUE);
        assertThat(late.overdue()).isTrue();
    }

    @Test
    void aTaskWithoutAReportForTooLongTurnsAmber() {
        t2.deliver();
        t2.then(seq -> projection.on(
                new DeadlineExtendedEvent(
                        "t2", "r1", day("2025-03-14"), day("2025-03-14"), day("2025-06-30"), "同意", day("2025-03-12")),
                seq));
        t2.deliver(2, 3);

        clock.set(day("2025-03-19")); // 10 working days after the report of 5 March
        assertThat(rag("t2")).isEqualTo(RagReason.ON_TRACK);
        clock.set(day("2025-03-20")); // the 11th
        assertThat(rag("t2")).isEqualTo(RagReason.REPORT_MISSING);
        assertThat(view("t2").rag()).isEqualTo(RagStatus.AMBER);

        t2.then(seq -> projection.on(
                new ProgressReportedEvent("t2", "health", 40, "配合测算", at("2025-03-20T15:00:00+08:00")), seq));
        t2.deliver(3, 4); // a co-unit's report counts too
        assertThat(rag("t2")).isEqualTo(RagReason.ON_TRACK);
    }

    @Test
    void recordedLatenessIsRedUntilAnExtensionIsGranted() {
        t2.then(seq -> projection.on(new TaskBecameOverdueEvent("t2", CID, "finance", day("2025-03-14")), seq))
                .then(seq -> projection.on(
                        new DeadlineExtendedEvent(
                                "t2",
                                "r1",
                                day("2025-03-14"),
                                day("2025-03-14"),
                                day("2025-03-31"),
                                "补批延期",
                                day("2025-03-14")),
                        seq));
        t2.deliver(0, 3);
        clock.set(day("2025-03-14"));
        assertThat(rag("t2")).isEqualTo(RagReason.OVERDUE);

        t2.deliver(3, 4);
        assertThat(view("t2").overdue()).isFalse();
        assertThat(view("t2").originalDueDate()).isEqualTo(day("2025-03-14"));
    }

    @Test
    void aCompletionSubmittedInTimeIsNotOverdueWhileItAwaitsClosure() {
        t1.deliver(0, 10); // submitted 10 April, due 15 April
        clock.set(day("2025-04-22"));
        TaskView view = view("t1");
        assertThat(view.status()).isEqualTo(TaskStatus.COMPLETION_SUBMITTED);
        assertThat(view.rag()).isEqualTo(RagStatus.GREEN);

        t1.deliver(10, 11); // returned: the units work on, and it is late
        assertThat(view("t1").rag()).isEqualTo(RagStatus.RED);
        assertThat(view("t1").completion()).isNull();
    }

    @Test
    void aClosedTaskIsGreenAndKeepsWhetherItWasOnTime() {
        t2.then(seq -> projection.on(
                        new CompletionSubmittedEvent("t2", "finance", "已出台", List.of(), day("2025-03-20")), seq))
                .then(seq -> projection.on(
                        new TaskClosedEvent(
                                "t2", "逾期办结", day("2025-03-21"), day("2025-03-14"), day("2025-03-20"), false),
                        seq));
        t2.deliver();
        clock.set(day("2025-05-01"));

        TaskRow row = tasks.queries
                .handle(new FindTasksQuery(CID, "finance", null, null, null, 0, 50))
                .items()
                .get(0);
        assertThat(row.rag()).isEqualTo(RagStatus.GREEN);
        assertThat(row.onTime()).isFalse();
        assertThat(row.overdue()).isFalse();
    }

    @Test
    void theListFiltersByUnitStatusDueDateAndRag() {
        t1.deliver(0, 4);
        t2.deliver();
        clock.set(day("2025-03-17")); // t2 overdue, t1 due 31 March

        assertThat(ids(new FindTasksQuery(CID, null, null, null, null, 0, 50))).containsExactly("t2", "t1");
        assertThat(ids(new FindTasksQuery(CID, "health", null, null, null, 0, 50)))
                .as("lead or co-unit")
                .containsExactly("t2", "t1");
        assertThat(ids(new FindTasksQuery(CID, "education", null, null, null, 0, 50)))
                .containsExactly("t1");
        assertThat(ids(new FindTasksQuery(CID, null, TaskStatus.IN_PROGRESS, null, null, 0, 50)))
                .containsExactly("t2", "t1");
        assertThat(ids(new FindTasksQuery(CID, null, null, null, day("2025-03-31"), 0, 50)))
                .as("due strictly before")
                .containsExactly("t2");
        assertThat(ids(new FindTasksQuery(CID, null, null, RagStatus.RED, null, 0, 50)))
                .containsExactly("t2");
        assertThat(ids(new FindTasksQuery(CID, null, null, RagStatus.GREEN, null, 0, 50)))
                .containsExactly("t1");
        assertThat(ids(new FindTasksQuery("other", null, null, null, null, 0, 50)))
                .isEmpty();

        TaskList page = tasks.queries.handle(new FindTasksQuery(CID, null, null, null, null, 1, 1));
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).extracting(TaskRow::taskId).containsExactly("t1");
        TaskList redPage = tasks.queries.handle(new FindTasksQuery(CID, null, null, RagStatus.RED, null, 1, 1));
        assertThat(redPage.total()).isEqualTo(1);
        assertThat(redPage.items()).isEmpty();

        TaskRow t1Row = tasks.queries
                .handle(new FindTasksQuery(CID, "education", null, null, null, 0, 50))
                .items()
                .get(0);
        assertThat(t1Row.leadUnitName()).isEqualTo("省卫生健康委");
        assertThat(t1Row.latestPercent()).isEqualTo(20);
        assertThat(t1Row.sourceKind()).isEqualTo(TaskSource.Kind.DECISION);
        assertThat(t1Row.meetingId()).isEqualTo("m1");
    }

    @Test
    void theVersionIsTheSequenceNumberOfTheLatestEventAppliedEvenOneThatOnlyAddsHistory() {
        t1.deliver(0, 5); // up to the urging (seq 4)
        assertThat(view("t1").version()).isEqualTo(4);
        t1.deliver(5, 6); // the extension request touches only the history
        assertThat(view("t1").version()).isEqualTo(5);
        t1.deliver();
        assertThat(view("t1").version()).isEqualTo(t1.size() - 1);
    }

    @Test
    void redeliveredEventsChangeNothing() {
        t1.deliver();
        t2.deliver();
        List<Document> once = mongo.snapshot(TaskFixture.collections());

        t1.deliver(); // the whole stream again
        t2.deliver();
        t1.deliver(2, 9); // and older events after newer ones
        t1.deliver(10, 11);
        assertThat(mongo.snapshot(TaskFixture.collections())).isEqualTo(once);
    }

    @Test
    void aResetEmptiesTheReadModelForAReplay() {
        t1.deliver();
        projection.reset();
        assertThat(tasks.queries.handle(new FindTaskQuery("t1"))).isEmpty();
        t1.deliver();
        assertThat(view("t1").progress()).hasSize(3);
    }

    private TaskView view(String taskId) {
        return tasks.queries.handle(new FindTaskQuery(taskId)).orElseThrow();
    }

    private RagReason rag(String taskId) {
        return view(taskId).ragReason();
    }

    private List<String> ids(FindTasksQuery query) {
        return tasks.queries.handle(query).items().stream().map(TaskRow::taskId).toList();
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    static OffsetDateTime at(String iso) {
        return OffsetDateTime.parse(iso);
    }
}
