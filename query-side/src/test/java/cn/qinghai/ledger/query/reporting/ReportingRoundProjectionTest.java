package cn.qinghai.ledger.query.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinghai.ledger.events.reporting.*;
import cn.qinghai.ledger.query.platform.InMemoryMongo;
import cn.qinghai.ledger.query.platform.MutableClock;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reporting rounds through the real MongoDB driver: typed documents, real dates, states on the clock's today. */
class ReportingRoundProjectionTest {

    static final String CID = "c";
    static final String RID = ReportingKind.roundId(CID, "2026-Q1");
    static final LocalDate DUE = LocalDate.of(2026, 4, 10);

    InMemoryMongo mongo;
    MutableClock clock;
    ReportingRoundProjection projection;
    ReportingRoundQueries queries;

    @BeforeEach
    void setUp() {
        mongo = new InMemoryMongo();
        clock = MutableClock.on(LocalDate.of(2026, 4, 1));
        projection = new ReportingRoundProjection(mongo.db);
        queries = new ReportingRoundQueries(ReadModelCollections.plain(mongo.db), clock);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    static OffsetDateTime at(String day) {
        return OffsetDateTime.parse(day + "T10:00:00+08:00");
    }

    void history() {
        projection.on(
                new ReportingRoundOpenedEvent(
                        RID,
                        CID,
                        ReportingKind.QUARTERLY,
                        "2026-Q1",
                        "2026年第一季度",
                        DUE,
                        List.of(
                                new ExpectedUnit("health", "省卫生健康委"),
                                new ExpectedUnit("education", "省教育厅"),
                                new ExpectedUnit("finance", "省财政厅")),
                        "报送一季度工作情况",
                        LocalDate.of(2026, 3, 2)),
                0);
        projection.on(
                new WorkReportSubmittedEvent(
                        RID, CID, "education", 1, "初稿", null, at("2026-04-01"), LocalDate.of(2026, 4, 1), false),
                1,
                "unit-education");
        projection.on(
                new WorkReportSubmittedEvent(
                        RID,
                        CID,
                        "education",
                        2,
                        "定稿",
                        "青教函〔2026〕3号",
                        at("2026-04-02"),
                        LocalDate.of(2026, 4, 2),
                        false),
                2,
                "unit-education");
        projection.on(new WorkReportUrgedEvent(RID, CID, "finance", "请按时报送", at("2026-04-09")), 3, "office", "OFFICE");
        projection.on(
                new WorkReportSubmittedEvent(
                        RID, CID, "health", 1, "补报", null, at("2026-04-12"), LocalDate.of(2026, 4, 12), true),
                4,
                "unit-health");
    }

    UnitReport unit(ReportingRoundView view, String code) {
        return view.units().stream()
                .filter(u -> u.unitCode().equals(code))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void eachUnitsStateFollowsItsFirstReportAndTheDueDateOnTheClocksToday() {
        history();
        ReportingRoundView before =
                queries.handle(new FindReportingRoundQuery(RID)).orElseThrow();
        assertThat(unit(before, "finance").state()).isEqualTo(ReportState.NOT_REPORTED);
        clock.set(LocalDate.of(2026, 4, 13));
        ReportingRoundView view =
                queries.handle(new FindReportingRoundQuery(RID)).orElseThrow();
        assertThat(view.periodLabel()).isEqualTo("2026年第一季度");
        assertThat(view.kindTitle()).isEqualTo("季度工作情况");
        assertThat(unit(view, "education").state()).isEqualTo(ReportState.REPORTED);
        assertThat(unit(view, "education").submissions())
                .extracting(UnitReport.Submission::text)
                .containsExactly("初稿", "定稿");
        assertThat(unit(view, "education").firstReportedAt()).isEqualTo(at("2026-04-01"));
        assertThat(unit(view, "health").state()).isEqualTo(ReportState.REPORTED_LATE);
        assertThat(unit(view, "finance").state()).isEqualTo(ReportState.OVERDUE);
        assertThat(unit(view, "finance").urgings())
                .containsExactly(new UnitReport.Urging("请按时报送", at("2026-04-09"), "office", "OFFICE"));
        assertThat(view.counts()).isEqualTo(new ReportingRoundView.Counts(3, 1, 1, 0, 1));
    }

    @Test
    void keptAsATypedDocumentWithRealDatesAndUnchangedByARedelivery() {
        history();
        Document raw =
                mongo.db.getCollection(ReportingRoundProjection.ROUNDS).find().first();
        assertThat(raw.get("dueDate")).isInstanceOf(java.util.Date.class);
        List<Document> before = mongo.snapshot(ReportingRoundProjection.ROUNDS);
        projection.on(
                new WorkReportSubmittedEvent(
                        RID,
                        CID,
                        "education",
                        2,
                        "定稿",
                        "青教函〔2026〕3号",
                        at("2026-04-02"),
                        LocalDate.of(2026, 4, 2),
                        false),
                2,
                "unit-education");
        assertThat(mongo.snapshot(ReportingRoundProjection.ROUNDS)).isEqualTo(before);
    }

    @Test
    void aUnitSeesItsOwnOpenRoundsAndClosingEndsThem() {
        history();
        assertThat(queries.handle(new FindReportingRoundsQuery(CID, "finance", true))
                        .items())
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.unit().state()).isEqualTo(ReportState.NOT_REPORTED);
                    assertThat(r.dueDate()).isEqualTo(DUE);
                });
        assertThat(queries.handle(new FindReportingRoundsQuery(CID, "youth-league", false))
                        .items())
                .isEmpty();
        projection.on(new ReportingRoundClosedEvent(RID, CID, LocalDate.of(2026, 4, 13), List.of("finance")), 5);
        assertThat(queries.handle(new FindReportingRoundsQuery(CID, "finance", true))
                        .items())
                .isEmpty();
        ReportingRoundView closed =
                queries.handle(new FindReportingRoundQuery(RID)).orElseThrow();
        assertThat(closed.open()).isFalse();
        assertThat(closed.closedOn()).isEqualTo(LocalDate.of(2026, 4, 13));
    }
}
