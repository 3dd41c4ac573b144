package cn.qinghai.ledger.query.roster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinghai.ledger.events.conference.*;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The roster projection through the real MongoDB driver, against an in-memory wire-protocol server. */
class RosterProjectionTest {

    static final String CID = "c";
    static final LocalDate D1 = LocalDate.of(2021, 8, 12);
    static final LocalDate D2 = LocalDate.of(2022, 3, 1);
    static final LocalDate D3 = LocalDate.of(2023, 5, 20);

    MongoServer server;
    MongoClient client;
    MongoDatabase db;
    RosterProjection projection;
    RosterQueries queries;
    /** The event stream of one conference aggregate: index = sequence number. */
    final List<Consumer<Long>> history = new ArrayList<>();

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        var address = server.getLocalAddress();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        db = client.getDatabase("test");
        projection = new RosterProjection(db);
        queries = new RosterQueries(db);

        Person wang = new Person("wang-new", "王新", "省教育厅副厅长");
        event(seq -> projection.on(
                new ConferenceEstablishedEvent(CID, "联席会议", "青政办函〔2021〕138号", List.of("青政办〔2019〕103号"), "health", D1),
                seq));
        event(seq -> projection.on(new MemberUnitAddedEvent(CID, "health", "省卫生健康委", List.of("办公室"), D1), seq));
        event(seq -> projection.on(new MemberUnitAddedEvent(CID, "education", "省教育厅", List.of("人才"), D1), seq));
        event(seq -> projection.on(new MemberUnitAddedEvent(CID, "finance", "省财政厅", List.of("资金"), D1), seq));
        event(seq -> projection.on(
                new MemberAppointedEvent(CID, "kuang-yong", "匡湧", "副省长", SeatRole.CONVENER, null, D1), seq));
        event(seq -> projection.on(
                new MemberAppointedEvent(CID, "su-quanren", "苏全仁", "省卫生健康委主任", SeatRole.DEPUTY_CONVENER, "health", D1),
                seq));
        event(seq -> projection.on(
                new MemberAppointedEvent(CID, "zhong-zehai", "钟泽海", "省教育厅副厅长", SeatRole.MEMBER, "education", D1), seq));
        event(seq -> projection.on(
                new MemberAppointedEvent(CID, "zhou-ning", "周宁", "省财政厅副厅长", SeatRole.MEMBER, "finance", D1), seq));
        event(seq -> projection.on(new OfficeDirectorAppointedEvent(CID, "su-quanren", "苏全仁", D1), seq));
        event(seq -> projection.on(new LiaisonFiledEvent(CID, "education", "李一", "处长", "0971-1", D1), seq));
        event(seq -> projection.on(
                new MemberChangeProposedEvent(CID, "c1", "education", "zhong-zehai", wang, "工作变动", D2), seq));
        event(seq -> projection.on(
                new MemberReplacedEvent(CID, "c1", "education", SeatRole.MEMBER, "zhong-zehai", wang, D2, false), seq));
        event(seq -> projection.on(new LiaisonFiledEvent(CID, "education", "李二", "副处长", "0971-2", D2), seq));
        event(seq -> projection.on(new UnitDutiesUpdatedEvent(CID, "education", List.of("人才", "托班")), seq));
        event(seq -> projection.on(new MemberUnitRemovedEvent(CID, "finance", "调整", D3, "zhou-ning"), seq));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    void event(Consumer<Long> handler) {
        history.add(handler);
    }

    void deliver(int from, int to) {
        for (int seq = from; seq < to; seq++) {
            history.get(seq).accept((long) seq);
        }
    }

    @Test
    void theRosterOnADateShowsWhoHeldEachSeatAndLiaisonPostThen() {
        deliver(0, history.size());

        RosterView before =
                queries.handle(new FindRosterQuery(CID, D2.minusDays(1))).orElseThrow();
        assertThat(before.seats()).extracting(RosterView.Seat::name).containsExactly("匡湧", "苏全仁", "钟泽海", "周宁");
        assertThat(before.officeDirector().name()).isEqualTo("苏全仁");
        assertThat(before.liaisons()).extracting(RosterView.Liaison::name).containsExactly("李一");

        RosterView after = queries.handle(new FindRosterQuery(CID, D2)).orElseThrow();
        // 王新 succeeds 钟泽海 in his unit's place: the roster keeps the notice's order of the units
        assertThat(after.seats()).extracting(RosterView.Seat::name).containsExactly("匡湧", "苏全仁", "王新", "周宁");
        assertThat(after.liaisons()).extracting(RosterView.Liaison::name).containsExactly("李二");

        RosterView removed = queries.handle(new FindRosterQuery(CID, D3)).orElseThrow();
        assertThat(removed.seats()).extracting(RosterView.Seat::name).containsExactly("匡湧", "苏全仁", "王新");

        RosterView beforeEstablishment =
                queries.handle(new FindRosterQuery(CID, D1.minusDays(1))).orElseThrow();
        assertThat(beforeEstablishment.seats()).isEmpty();
        assertThat(beforeEstablishment.officeDirector()).isNull();
    }

    /** 换届 and 联席会议确定: the seat and the directorship pass on a date; each term shows how it was decided. */
    @Test
    void aSuccessionEndsTheOldTermOnItsDateAndEachTermShowsItsDecision() {
        deliver(0, history.size());
        long seq = history.size();
        RosterDecision circulated = RosterDecision.recorded(RosterDecision.Kind.CIRCULATION, "青婴联办函〔2023〕2号", D3);
        RosterDecision minutes = new RosterDecision(RosterDecision.Kind.MINUTES, "m1", "d1", "青婴联纪〔2023〕1号", null);
        Person li = new Person("li-xin", "李新", "省卫生健康委主任");
        projection.on(
                new SeatSucceededEvent(
                        CID,
                        SeatRole.DEPUTY_CONVENER,
                        "health",
                        "su-quanren",
                        li,
                        D3,
                        OfficeDirectorHandover.TO_INCOMING,
                        circulated),
                seq++);
        projection.on(
                new MemberChangeProposedEvent(
                        CID, "c2", "education", "wang-new", new Person("qian", "钱新", "副厅长"), "调动", D3),
                seq++);
        projection.on(
                new MemberReplacedEvent(
                        CID,
                        "c2",
                        "education",
                        SeatRole.MEMBER,
                        "wang-new",
                        new Person("qian", "钱新", "副厅长"),
                        D3,
                        false),
                seq++);
        projection.on(
                new RosterChangeDecidedEvent(
                        CID, RosterChangeDecidedEvent.Change.MEMBER_REPLACED, "education", "c2", "qian", minutes),
                seq);

        RosterView before =
                queries.handle(new FindRosterQuery(CID, D3.minusDays(1))).orElseThrow();
        assertThat(before.seats()).extracting(RosterView.Seat::name).containsExactly("匡湧", "苏全仁", "王新", "周宁");
        assertThat(before.seats()).allSatisfy(s -> assertThat(s.decidedBy()).isNull()); // none on record
        assertThat(before.officeDirector().name()).isEqualTo("苏全仁");
        RosterView after = queries.handle(new FindRosterQuery(CID, D3)).orElseThrow();
        assertThat(after.seats()).extracting(RosterView.Seat::name).containsExactly("匡湧", "李新", "钱新");
        assertThat(after.seats().get(1).decidedBy()).isEqualTo(circulated);
        assertThat(after.seats().get(2).decidedBy()).isEqualTo(minutes);
        assertThat(after.officeDirector().name()).isEqualTo("李新");
        assertThat(after.officeDirector().decidedBy()).isEqualTo(circulated);
        assertThat(queries.handle(new FindUnitQuery(CID, "health"))
                        .orElseThrow()
                        .member()
                        .name())
                .isEqualTo("李新");
        assertThat(queries.handle(new FindMemberChangesQuery(CID, MemberChangeList.Status.CONFIRMED, "education"))
                        .items())
                .filteredOn(c -> c.changeId().equals("c2"))
                .singleElement()
                .satisfies(c -> assertThat(c.decidedBy()).isEqualTo(minutes));
    }

    @Test
    void filingsRecordedOutOfDateOrderStillGiveOneLiaisonPerDate() {
        deliver(0, history.size());
        long seq = history.size();
        // A history written before the conference refused backdating: a filing dated before the first, then one
        // dated after both. Each date must still show exactly one liaison, the one in force then.
        projection.on(new LiaisonFiledEvent(CID, "education", "回溯", "科员", "0971-3", D1), seq++);
        projection.on(new LiaisonFiledEvent(CID, "education", "李三", "处长", "0971-4", D3.plusDays(10)), seq);

        for (LocalDate day = D1; !day.isAfter(D3.plusDays(20)); day = day.plusDays(1)) {
            RosterView view = queries.handle(new FindRosterQuery(CID, day)).orElseThrow();
            assertThat(view.liaisons())
                    .as("liaisons on %s", day)
                    .filteredOn(l -> l.unitCode().equals("education"))
                    .hasSize(1);
        }
        assertThat(queries.handle(new FindRosterQuery(CID, D1)).orElseThrow().liaisons())
                .extracting(RosterView.Liaison::name)
                .containsExactly("回溯");
        assertThat(queries.handle(new FindRosterQuery(CID, D2)).orElseThrow().liaisons())
                .extracting(RosterView.Liaison::name)
                .containsExactly("李二");
        assertThat(queries.handle(new FindRosterQuery(CID, D3.plusDays(10)))
                        .orElseThrow()
                        .liaisons())
                .extracting(RosterView.Liaison::name)
                .containsExactly("李三");
        assertThat(queries.handle(new FindUnitQuery(CID, "education"))
                        .orElseThrow()
                        .liaison()
                        .name())
                .isEqualTo("李三");
    }

    @Test
    void theUnitDirectoryShowsDutiesMemberAndLiaison() {
        deliver(0, history.size());

        UnitView education = queries.handle(new FindUnitQuery(CID, "education")).orElseThrow();
        assertThat(education.duties()).containsExactly("人才", "托班");
        assertThat(education.member().name()).isEqualTo("王新");
        assertThat(education.liaison().name()).isEqualTo("李二");
        assertThat(queries.handle(new FindUnitsQuery(CID, false)).items())
                .extracting(UnitView::unitCode)
                .containsExactly("health", "education");
        UnitView finance = queries.handle(new FindUnitQuery(null, "finance")).orElseThrow();
        assertThat(finance.active()).isFalse();
        assertThat(finance.member()).isNull();

        ConferenceOverview overview =
                queries.handle(new FindConferenceQuery(CID)).orElseThrow();
        assertThat(overview.counts()).isEqualTo(new ConferenceOverview.Counts(2, 3, 1, 0));
        assertThat(overview.office().directorName()).isEqualTo("苏全仁");
        assertThat(overview.office().hostUnitName()).isEqualTo("省卫生健康委");
    }

    @Test
    void eachUnitShowsTheDecisionsBehindItsAdditionItsDutiesAndItsRemoval() {
        deliver(0, history.size());
        long seq = history.size();
        RosterDecision notice = RosterDecision.recorded(RosterDecision.Kind.DOCUMENT, "青政办函〔2021〕138号", D1);
        RosterDecision minutes = new RosterDecision(RosterDecision.Kind.MINUTES, "m1", "d1", "青婴托联〔2026〕1号", D2);
        RosterDecision circulated = RosterDecision.recorded(RosterDecision.Kind.CIRCULATION, "青婴联办函〔2024〕1号", D3);
        projection.on(
                new RosterChangeDecidedEvent(
                        CID, RosterChangeDecidedEvent.Change.UNIT_ADDED, "education", null, null, notice),
                seq++);
        projection.on(
                new RosterChangeDecidedEvent(
                        CID, RosterChangeDecidedEvent.Change.UNIT_DUTIES_UPDATED, "education", null, null, minutes),
                seq++);
        projection.on(
                new RosterChangeDecidedEvent(
                        CID, RosterChangeDecidedEvent.Change.UNIT_REMOVED, "finance", null, null, circulated),
                seq++);

        assertThat(queries.handle(new FindUnitQuery(CID, "education"))
                        .orElseThrow()
                        .decisions())
                .isEqualTo(new UnitView.Decisions(notice, minutes, null));
        assertThat(queries.handle(new FindUnitQuery(CID, "finance"))
                        .orElseThrow()
                        .decisions())
                .isEqualTo(new UnitView.Decisions(null, null, circulated));
        // stored before changes carried their decision: none to show
        assertThat(queries.handle(new FindUnitQuery(CID, "health"))
                        .orElseThrow()
                        .decisions())
                .isEqualTo(new UnitView.Decisions(null, null, null));
    }

    @Test
    void aMemberChangeIsListedAsPendingUntilTheConferenceConfirmsIt() {
        deliver(0, 11); // up to the proposal

        var pending = queries.handle(new FindMemberChangesQuery(CID, MemberChangeList.Status.PENDING, null));
        assertThat(pending.items()).singleElement().satisfies(change -> {
            assertThat(change.changeId()).isEqualTo("c1");
            assertThat(change.unitName()).isEqualTo("省教育厅");
            assertThat(change.outgoingName()).isEqualTo("钟泽海");
            assertThat(change.incoming().name()).isEqualTo("王新");
            assertThat(change.proposedOn()).isEqualTo(D2);
        });

        deliver(11, 12); // confirmed: the seat changes hands
        assertThat(queries.handle(new FindMemberChangesQuery(CID, MemberChangeList.Status.PENDING, null))
                        .items())
                .isEmpty();
        assertThat(queries.handle(new FindMemberChangesQuery(CID, null, "education"))
                        .items())
                .extracting(MemberChangeList.MemberChange::status, MemberChangeList.MemberChange::effectiveOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MemberChangeList.Status.CONFIRMED, D2));
    }

    @Test
    void redeliveredEventsChangeNothing() {
        deliver(0, history.size());
        List<Document> once = snapshot();

        deliver(0, history.size()); // the whole stream again
        deliver(5, 9); // and a stretch of older events after newer ones
        assertThat(snapshot()).isEqualTo(once);
    }

    @Test
    void aResetEmptiesTheReadModelForAReplay() {
        deliver(0, history.size());
        projection.reset();
        assertThat(queries.handle(new FindConferencesQuery(0, 50)).total()).isZero();
        deliver(0, history.size());
        assertThat(queries.handle(new FindConferencesQuery(0, 50)).items()).hasSize(1);
    }

    private List<Document> snapshot() {
        List<Document> all = new ArrayList<>();
        for (String name : List.of(
                RosterProjection.CONFERENCES,
                RosterProjection.UNITS,
                RosterProjection.SEATS,
                RosterProjection.DIRECTORS,
                RosterProjection.LIAISONS,
                RosterProjection.CHANGES)) {
            db.getCollection(name).find().sort(new Document("_id", 1)).into(all);
        }
        return all;
    }
}
