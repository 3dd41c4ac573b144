package cn.qinghai.ledger.query.circular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qinghai.ledger.events.circular.CircularCorrectedEvent;
import cn.qinghai.ledger.events.circular.CircularIssuedEvent;
import cn.qinghai.ledger.events.circular.FindIssuedCircularQuery;
import cn.qinghai.ledger.events.circular.FindIssuedCircularsQuery;
import cn.qinghai.ledger.events.circular.IssuedCircularView;
import cn.qinghai.ledger.events.task.CircularUnitRow;
import cn.qinghai.ledger.events.task.CircularView;
import cn.qinghai.ledger.platform.web.ReadModelRebuildingException;
import cn.qinghai.ledger.query.platform.InMemoryMongo;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** 更正 on the read side: the circular as issued stays, each correction is added once, the list says 已更正. */
class IssuedCircularCorrectionsTest {

    static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    static final LocalDate TO = LocalDate.of(2026, 3, 31);

    final InMemoryMongo mongo = new InMemoryMongo();
    final IssuedCircularProjection projection = new IssuedCircularProjection(mongo.db);
    final IssuedCircularQueries queries = new IssuedCircularQueries(mongo.db);

    @AfterEach
    void close() {
        mongo.close();
    }

    static CircularView figures(int assigned) {
        return new CircularView(
                "qh",
                FROM,
                TO,
                TO,
                List.of(new CircularUnitRow("qh", "education", "省教育厅", assigned, 0, 0, 0, assigned, 0, 0)),
                new CircularUnitRow("qh", null, "合计", assigned, 0, 0, 0, assigned, 0, 0),
                List.of());
    }

    @Test
    void theOriginalStaysAndACorrectionDeliveredTwiceIsKeptOnce() {
        projection.on(new CircularIssuedEvent(
                "c1",
                "qh",
                FROM,
                TO,
                "青联办通〔2026〕3号",
                List.of("各成员单位"),
                "表扬",
                "督促",
                LocalDate.of(2026, 4, 2),
                figures(1)));
        CircularCorrectedEvent correction = new CircularCorrectedEvent(
                "c1",
                "qh",
                1,
                LocalDate.of(2026, 4, 3),
                "漏计一项",
                List.of("各成员单位", "省政府办公厅"),
                "表扬",
                "督促（更正）",
                figures(2));
        projection.on(correction);
        projection.on(correction);

        IssuedCircularView view =
                queries.handle(new FindIssuedCircularQuery("c1")).orElseThrow();
        assertThat(view.figures()).isEqualTo(figures(1));
        assertThat(view.distribution()).containsExactly("各成员单位");
        assertThat(view.corrections())
                .containsExactly(new IssuedCircularView.Correction(
                        1, LocalDate.of(2026, 4, 3), "漏计一项", List.of("各成员单位", "省政府办公厅"), "表扬", "督促（更正）", figures(2)));
        assertThat(queries.handle(new FindIssuedCircularsQuery("qh"))
                        .items()
                        .get(0)
                        .correctedOn())
                .isEqualTo(LocalDate.of(2026, 4, 3));
    }

    @Test
    void circularsAnEarlierVersionStoredAreNotReadButRebuilt() {
        // as the version before typed documents left them: days as text, the figures as their JSON, no format
        mongo.db.getCollection(IssuedCircularDocument.origin().collection()).drop();
        mongo.db
                .getCollection(IssuedCircularProjection.ISSUED)
                .insertOne(new Document("_id", "c0")
                        .append("conferenceId", "qh")
                        .append("issuedOn", "2026-04-02")
                        .append("figures", new Document("from", "2026-03-01")));
        IssuedCircularProjection started = new IssuedCircularProjection(mongo.db);
        IssuedCircularQueries reading = new IssuedCircularQueries(mongo.db);

        assertThat(started.upToDate()).isFalse();
        assertThatThrownBy(() -> reading.handle(new FindIssuedCircularsQuery("qh")))
                .isInstanceOf(ReadModelRebuildingException.class)
                .hasMessageContaining("issued circulars");
        // its rebuild starts on an empty generation, which records the format
        started.reset();
        assertThat(started.upToDate()).isTrue();
        assertThat(reading.handle(new FindIssuedCircularsQuery("qh")).items()).isEmpty();
    }
}
