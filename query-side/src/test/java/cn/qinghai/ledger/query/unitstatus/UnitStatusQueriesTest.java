package cn.qinghai.ledger.query.unitstatus;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinghai.ledger.events.task.*;
import cn.qinghai.ledger.query.platform.InMemoryMongo;
import cn.qinghai.ledger.query.roster.RosterFixture;
import cn.qinghai.ledger.query.roster.RosterQueries;
import cn.qinghai.ledger.query.tasklist.TaskFixture;
import cn.qinghai.ledger.query.tasklist.TaskProjection;
import cn.qinghai.ledger.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The unit status board: the roster's directory combined with the task read model, and the unit gauges. */
class UnitStatusQueriesTest {

    static final String CID = "c";
    static final TaskSource DIRECT = TaskSource.direct("批示");

    InMemoryMongo mongo;
    MutableClock clock;
    UnitStatusQueries queries;
    UnitTaskGauges gauges;
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void setUp() {
        mongo = new InMemoryMongo();
        clock = MutableClock.on(day("2025-03-17"));
        RosterFixture.seed(mongo.db, CID);
        TaskFixture tasks = new TaskFixture(mongo.db, clock);
        RosterQueries roster = new RosterQueries(mongo.db);
        queries = new UnitStatusQueries(roster, tasks.readModel, tasks.rag);
        gauges = new UnitTaskGauges(registry, queries, roster, Duration.ofSeconds(10));

        TaskProjection p = tasks.projection;
        // health leads four: one late, one on track, one closed on time, one closed late
        p.on(
                new TaskAssignedEvent(
                        "ta", CID, "甲", "health", List.of(), day("2025-03-14"), DIRECT, day("2025-03-03")),
                0);
        p.on(new ProgressReportedEvent("ta", "health", 50, "过半", at("2025-03-05T10:00:00+08:00")), 1);
        p.on(
                new TaskAssignedEvent(
                        "tb", CID, "乙", "health", List.of("education"), day("2025-03-31"), DIRECT, day("2025-03-10")),
                0);
        p.on(new TaskAcknowledgedEvent("tb", "health", day("2025-03-11")), 1);
        p.on(new ProgressReportedEvent("tb", "education", 10, "配合", at("2025-03-12T15:00:00+08:00")), 2);
        p.on(new TaskAcknowledgedEvent("tb", "health", day("2025-03-11")), 1); // redelivered: stays IN_PROGRESS
        closed("tc", "health", true);
        closed("td", "health", false);
        // education leads one, due in two working days
        p.on(
                new TaskAssignedEvent(
                        "te", CID, "戊", "education", List.of(), day("2025-03-19"), DIRECT, day("2025-03-10")),
                0);
    }

    void closed(String taskId, String unit, boolean onTime) {
        TaskProjection p = new TaskFixture(mongo.db, clock).projection;
        p.on(
                new TaskAssignedEvent(taskId, CID, "已办", unit, List.of(), day("2025-03-07"), DIRECT, day("2025-03-03")),
                0);
        p.on(new CompletionSubmittedEvent(taskId, unit, "完成", List.of(), day(onTime ? "2025-03-06" : "2025-03-10")), 1);
        p.on(
                new TaskClosedEvent(
                        taskId,
                        "销号",
                        day("2025-03-11"),
                        day("2025-03-07"),
                        day(onTime ? "2025-03-06" : "2025-03-10"),
                        onTime),
                2);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void eachUnitShowsItsDirectoryEntryTasksByStateOverdueOnTimeRateLastReportAndRag() {
        UnitStatusList board = queries.handle(new FindUnitStatusBoardQuery(CID, false));
        assertThat(board.total()).isEqualTo(3);
        Map<String, UnitStatusView> units =
                board.items().stream().collect(Collectors.toMap(UnitStatusView::unitCode, Function.identity()));

        UnitStatusView health = units.get("health");
        assertThat(health.name()).isEqualTo("省卫生健康委");
        assertThat(health.member().name()).isEqualTo("苏全仁");
        assertThat(health.duties()).containsExactly("牵头");
        assertThat(health.tasks()).isEqualTo(new UnitStatusView.TaskCounts(4, 0, 0, 2, 0, 2, 2, 0));
        assertThat(health.overdue()).isEqualTo(1);
        assertThat(health.closedOnTime()).isEqualTo(1);
        assertThat(health.onTimeClosureRate()).isEqualTo(0.5);
        assertThat(health.lastReportAt()).isEqualTo(at("2025-03-05T10:00:00+08:00"));
        assertThat(health.rag()).isEqualTo(RagStatus.RED);

        UnitStatusView education = units.get("education");
        assertThat(education.liaison().name()).isEqualTo("李一");
        assertThat(education.tasks().assigned()).isEqualTo(1);
        assertThat(education.tasks().asCoUnit()).isEqualTo(1);
        assertThat(education.onTimeClosureRate()).isNull();
        assertThat(education.lastReportAt()).as("as co-unit").isEqualTo(at("2025-03-12T15:00:00+08:00"));
        assertThat(education.rag()).isEqualTo(RagStatus.AMBER);

        UnitStatusView finance = units.get("finance");
        assertThat(finance.tasks().total()).isZero();
        assertThat(finance.lastReportAt()).isNull();
        assertThat(finance.rag()).isEqualTo(RagStatus.GREEN);
    }

    @Test
    void aUnitsLatestReportIsNotMovedBackByAnOlderReportHandledLater() {
        TaskProjection p = new TaskFixture(mongo.db, clock).projection;
        p.on(new ProgressReportedEvent("tb", "health", 60, "新进展", at("2025-03-14T09:00:00+08:00")), 3);
        // an older report on another task, handled later (another segment), then a redelivery
        p.on(
                new TaskAssignedEvent(
                        "tf", CID, "己", "health", List.of(), day("2025-03-31"), DIRECT, day("2025-03-01")),
                0);
        p.on(new ProgressReportedEvent("tf", "health", 5, "旧进展", at("2025-03-02T09:00:00+08:00")), 1);
        p.on(new ProgressReportedEvent("tb", "health", 60, "新进展", at("2025-03-14T09:00:00+08:00")), 3);

        assertThat(queries.handle(new FindUnitStatusQuery(CID, "health"))
                        .orElseThrow()
                        .lastReportAt())
                .isEqualTo(at("2025-03-14T09:00:00+08:00"));
    }

    @Test
    void oneUnitIsFoundWithOrWithoutItsConference() {
        assertThat(queries.handle(new FindUnitStatusQuery(CID, "health"))
                        .orElseThrow()
                        .overdue())
                .isEqualTo(1);
        assertThat(queries.handle(new FindUnitStatusQuery(null, "education"))
                        .orElseThrow()
                        .rag())
                .isEqualTo(RagStatus.AMBER);
        assertThat(queries.handle(new FindUnitStatusQuery(CID, "nowhere"))).isEmpty();
        assertThat(queries.handle(new FindUnitStatusQuery("other", "health"))).isEmpty();
    }

    @Test
    void theGaugesCountOpenAndOverdueTasksPerUnitAndFollowTheClock() {
        gauges.refresh();
        assertThat(gauge(UnitTaskGauges.OPEN, "health")).isEqualTo(2);
        assertThat(gauge(UnitTaskGauges.OVERDUE, "health")).isEqualTo(1);
        assertThat(gauge(UnitTaskGauges.OPEN, "education")).isEqualTo(1);
        assertThat(gauge(UnitTaskGauges.OVERDUE, "education")).isZero();
        assertThat(gauge(UnitTaskGauges.OPEN, "finance"))
                .as("every active unit has a series")
                .isZero();

        clock.set(day("2025-04-01"));
        gauges.refresh();
        assertThat(gauge(UnitTaskGauges.OVERDUE, "health")).isEqualTo(2);
        assertThat(gauge(UnitTaskGauges.OVERDUE, "education")).isEqualTo(1);
    }

    private double gauge(String name, String unit) {
        return registry.get(name).tags("conference", CID, "unit", unit).gauge().value();
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    static OffsetDateTime at(String iso) {
        return OffsetDateTime.parse(iso);
    }
}
