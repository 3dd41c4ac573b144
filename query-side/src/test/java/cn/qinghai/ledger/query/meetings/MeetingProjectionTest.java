package cn.qinghai.ledger.query.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.qinghai.ledger.events.meeting.*;
import cn.qinghai.ledger.events.task.*;
import cn.qinghai.ledger.query.platform.AggregateStream;
import cn.qinghai.ledger.query.platform.InMemoryMongo;
import cn.qinghai.ledger.query.roster.RosterFixture;
import cn.qinghai.ledger.query.roster.UnitDirectory;
import cn.qinghai.ledger.query.tasklist.TaskFixture;
import cn.qinghai.ledger.query.tasklist.TaskProjection;
import cn.qinghai.ledger.testsupport.MutableClock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Meetings and the decision register through the real MongoDB driver. */
class MeetingProjectionTest {

    static final String CID = "c";
    static final String DOC_1 = "青卫纪〔2025〕1号";
    static final String DOC_2 = "青卫纪〔2025〕2号";

    InMemoryMongo mongo;
    MeetingProjection projection;
    MeetingQueries queries;
    TaskProjection tasks;

    /** A plenary: two matters (one major, approved) issued in v1, a correction adding a third in v2. */
    final AggregateStream m1 = new AggregateStream();
    /** A special-topic meeting, cancelled. */
    final AggregateStream m2 = new AggregateStream();
    /** A major matter that is rejected. */
    final AggregateStream m3 = new AggregateStream();

    final AggregateStream t1 = new AggregateStream();
    final AggregateStream t3 = new AggregateStream();

    @BeforeEach
    void setUp() {
        mongo = new InMemoryMongo();
        MutableClock clock = MutableClock.on(day("2025-04-01"));
        RosterFixture.seed(mongo.db, CID);
        TaskFixture taskFixture = new TaskFixture(mongo.db, clock);
        tasks = taskFixture.projection;
        projection = new MeetingProjection(mongo.db);
        queries = new MeetingQueries(mongo.db, taskFixture.readModel, new UnitDirectory(mongo.db), clock);

        TaskSpec spec1 = new TaskSpec("t1", "建设托育综合服务中心", "health", List.of("education"), day("2025-06-30"));
        TaskSpec spec2 = new TaskSpec("t2", "设立托育专项资金", "finance", List.of(), day("2025-09-30"));
        TaskSpec spec3 = new TaskSpec("t3", "开展托育机构专项检查", "education", List.of(), day("2025-05-31"));
        m1.then(seq -> projection.on(
                        new MeetingConvenedEvent(
                                "m1",
                                CID,
                                MeetingKind.PLENARY,
                                "2025年第一次全体会议",
                                at("2025-03-01T09:30:00+08:00"),
                                "省政府第一会议室",
                                "kuang",
                                "匡湧",
                                List.of("health", "education", "finance"),
                                List.of("省发展改革委")),
                        seq))
                .then(seq -> projection.on(
                        new AttendanceRecordedEvent(
                                "m1",
                                List.of("health", "education"),
                                List.of(new Absence("finance", "出差")),
                                List.of(new StandIn("finance", "张三", "预算处处长"))),
                        seq))
                .then(seq -> projection.on(
                        new DecisionRecordedEvent("m1", CID, "d1", 1, "建设托育综合服务中心", false, List.of(spec1)), seq))
                .then(seq -> projection.on(
                        new DecisionRecordedEvent("m1", CID, "d2", 1, "设立托育专项资金", true, List.of(spec2)), seq))
                .then(seq -> projection.on(new MinutesSignedEvent("m1", 1, "kuang", "匡湧", day("2025-03-03")), seq))
                .then(seq -> projection.on(
                        new MinutesIssuedEvent(
                                "m1", CID, 1, DOC_1, List.of("各成员单位", "各市州政府"), day("2025-03-04"), List.of("d1", "d2")),
                        seq))
                .then(seq -> projection.on(
                        new MatterSubmittedForApprovalEvent("m1", "d2", "省政府", "青卫请〔2025〕5号", day("2025-03-05")), seq))
                .then(seq -> projection.on(
                        new MatterApprovedEvent("m1", "d2", "省政府", "青政函〔2025〕9号", day("2025-03-10")), seq))
                .then(seq -> projection.on(new MinutesCorrectionOpenedEvent("m1", 2, "补充议定事项"), seq))
                .then(seq -> projection.on(
                        new DecisionRecordedEvent("m1", CID, "d3", 2, "开展托育机构专项检查", false, List.of(spec3)), seq))
                .then(seq -> projection.on(new MinutesSignedEvent("m1", 2, "kuang", "匡湧", day("2025-03-11")), seq))
                .then(seq -> projection.on(
                        new MinutesIssuedEvent(
                                "m1", CID, 2, DOC_2, List.of("各成员单位"), day("2025-03-12"), List.of("d1", "d2", "d3")),
                        seq));
        m2.then(seq -> projection.on(
                        new MeetingConvenedEvent(
                                "m2",
                                CID,
                                MeetingKind.SPECIAL_TOPIC,
                                "托育用地专题会议",
                                at("2025-04-01T14:00:00+08:00"),
                                "省卫生健康委会议室",
                                "su",
                                "苏全仁",
                                List.of("health", "finance"),
                                List.of()),
                        seq))
                .then(seq -> projection.on(new MeetingCancelledEvent("m2", "召集人另有公务"), seq));
        m3.then(seq -> projection.on(
                        new MeetingConvenedEvent(
                                "m3",
                                CID,
                                MeetingKind.SPECIAL_TOPIC,
                                "托育收费专题会议",
                                at("2025-02-10T09:00:00+08:00"),
                                "省发展改革委",
                                "su",
                                "苏全仁",
                                List.of("health"),
                                List.of()),
                        seq))
                .then(seq ->
                        projection.on(new DecisionRecordedEvent("m3", CID, "d9", 1, "提高托育收费标准", true, List.of()), seq))
                .then(seq -> projection.on(
                        new MatterSubmittedForApprovalEvent("m3", "d9", "省政府", "青卫请〔2025〕1号", day("2025-02-11")), seq))
                .then(seq -> projection.on(
                        new MatterRejectedEvent("m3", "d9", "省政府", "青政函〔2025〕2号", day("2025-02-20")), seq));
        TaskSource fromD1 = TaskSource.decision("m1", "d1", DOC_1);
        t1.then(seq -> tasks.on(
                        new TaskAssignedEvent(
                                "t1",
                                CID,
                                spec1.title(),
                                "health",
                                List.of("education"),
                                spec1.dueDate(),
                                fromD1,
                                day("2025-03-04")),
                        seq))
                .then(seq -> tasks.on(
                        new CompletionSubmittedEvent("t1", "health", "已建成", List.of(), day("2025-03-25")), seq))
                .then(seq -> tasks.on(
                        new TaskClosedEvent("t1", "销号", day("2025-03-28"), spec1.dueDate(), day("2025-03-25"), true),
                        seq));
        t3.then(seq -> tasks.on(
                new TaskAssignedEvent(
                        "t3",
                        CID,
                        spec3.title(),
                        "education",
                        List.of(),
                        spec3.dueDate(),
                        TaskSource.decision("m1", "d3", DOC_2),
                        day("2025-03-12")),
                seq));
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void theMeetingShowsParticipantsAttendanceDecisionsAndEveryIssuedVersionOfItsMinutes() {
        m1.deliver();

        MeetingView view = queries.handle(new FindMeetingQuery("m1")).orElseThrow();

        assertThat(view.kind()).isEqualTo(MeetingKind.PLENARY);
        assertThat(view.topic()).isEqualTo("2025年第一次全体会议");
        assertThat(view.scheduledAt()).isEqualTo(at("2025-03-01T09:30:00+08:00"));
        assertThat(view.convenerName()).isEqualTo("匡湧");
        assertThat(view.participantUnits())
                .extracting(MeetingView.Unit::name)
                .containsExactly("省卫生健康委", "省教育厅", "省财政厅");
        assertThat(view.invitedDepartments()).containsExactly("省发展改革委");
        assertThat(view.attendance().present())
                .extracting(MeetingView.Unit::unitCode)
                .containsExactly("health", "education");
        assertThat(view.attendance().absent()).containsExactly(new MeetingView.Absent("finance", "省财政厅", "出差"));
        assertThat(view.attendance().standIns()).containsExactly(new StandIn("finance", "张三", "预算处处长"));

        assertThat(view.decisions())
                .extracting(
                        MeetingView.Decision::decisionId,
                        d -> d.approval().state(),
                        MeetingView.Decision::issuedInVersion,
                        MeetingView.Decision::minutesDocumentNo)
                .containsExactly(
                        tuple("d1", ApprovalState.NOT_REQUIRED, 1, DOC_1),
                        tuple("d2", ApprovalState.APPROVED, 1, DOC_1),
                        tuple("d3", ApprovalState.NOT_REQUIRED, 2, DOC_2));
        MeetingView.Approval approval = view.decisions().get(1).approval();
        assertThat(approval)
                .isEqualTo(new MeetingView.Approval(
                        ApprovalState.APPROVED,
                        "省政府",
                        "青卫请〔2025〕5号",
                        day("2025-03-05"),
                        "省政府",
                        "青政函〔2025〕9号",
                        day("2025-03-10")));
        assertThat(view.decisions().get(0).tasks()).extracting(TaskSpec::taskId).containsExactly("t1");

        assertThat(view.currentMinutesVersion()).isEqualTo(2);
        assertThat(view.minutes())
                .extracting(
                        MeetingView.Minutes::version,
                        MeetingView.Minutes::state,
                        MeetingView.Minutes::documentNo,
                        MeetingView.Minutes::signerName)
                .containsExactly(
                        tuple(1, MinutesState.ISSUED, DOC_1, "匡湧"), tuple(2, MinutesState.ISSUED, DOC_2, "匡湧"));
        assertThat(view.minutes().get(0).distribution()).containsExactly("各成员单位", "各市州政府");
        assertThat(view.minutes().get(0).issuedOn()).isEqualTo(day("2025-03-04"));
        assertThat(view.minutes().get(1).correctionReason()).isEqualTo("补充议定事项");
        assertThat(view.cancelled()).isFalse();
    }

    @Test
    void minutesGoFromDraftToSignedToIssuedAndAMajorMatterWaitsForApproval() {
        m1.deliver(0, 4);
        assertThat(minutes("m1")).extracting(MeetingView.Minutes::state).containsExactly(MinutesState.DRAFT);
        assertThat(decision("m1", 1).approval().state()).isEqualTo(ApprovalState.PENDING_SUBMISSION);

        m1.deliver(4, 5);
        assertThat(minutes("m1").get(0).state()).isEqualTo(MinutesState.SIGNED);
        assertThat(minutes("m1").get(0).signedOn()).isEqualTo(day("2025-03-03"));

        m1.deliver(5, 7);
        assertThat(minutes("m1").get(0).state()).isEqualTo(MinutesState.ISSUED);
        assertThat(decision("m1", 1).approval().state()).isEqualTo(ApprovalState.SUBMITTED);

        m1.deliver(7, 9);
        assertThat(minutes("m1"))
                .extracting(MeetingView.Minutes::state)
                .containsExactly(MinutesState.ISSUED, MinutesState.DRAFT);
        assertThat(queries.handle(new FindMeetingsQuery(CID, 0, 50))
                        .items()
                        .get(0)
                        .minutesState())
                .isEqualTo(MinutesState.DRAFT);

        m3.deliver();
        assertThat(decision("m3", 0).approval().state()).isEqualTo(ApprovalState.REJECTED);
    }

    @Test
    void signedMinutesReturnedForRevisionAreADraftAgainWithTheMattersNewDueDates() {
        m1.deliver(0, 5); // convened, attendance, d1, d2, signed
        projection.on(new MinutesReturnedForRevisionEvent("m1", 1, "完成时限已过"), 5);
        projection.on(
                new MatterDueDatesRevisedEvent(
                        "m1", "d1", 1, List.of(new TaskDueDate("t1", day("2025-12-31"))), "调整完成时限"),
                6);
        projection.on(
                new MatterDueDatesRevisedEvent(
                        "m1", "d1", 1, List.of(new TaskDueDate("t1", day("2026-01-31"))), "older, delivered again"),
                6);

        MeetingView.Minutes v1 = minutes("m1").get(0);
        assertThat(v1.state()).isEqualTo(MinutesState.DRAFT);
        assertThat(v1.signedOn()).isNull();
        assertThat(v1.signerName()).isNull();
        assertThat(v1.revisionReason()).isEqualTo("完成时限已过");
        assertThat(decision("m1", 0).tasks())
                .extracting(TaskSpec::taskId, TaskSpec::dueDate)
                .containsExactly(tuple("t1", day("2025-12-31")));
        assertThat(decision("m1", 1).tasks()).extracting(TaskSpec::dueDate).containsExactly(day("2025-09-30"));

        projection.on(new MinutesSignedEvent("m1", 1, "kuang", "匡湧", day("2025-03-20")), 7);
        assertThat(minutes("m1").get(0).state()).isEqualTo(MinutesState.SIGNED);
        assertThat(minutes("m1").get(0).signedOn()).isEqualTo(day("2025-03-20"));
    }

    @Test
    void aCorrectionNamingTheIssuedVersionStillOpensTheNextOne() {
        m1.deliver(0, 6);
        projection.on(new MinutesCorrectionOpenedEvent("m1", 1, "文字更正"), 6);

        assertThat(minutes("m1"))
                .extracting(MeetingView.Minutes::version, MeetingView.Minutes::state)
                .containsExactly(tuple(1, MinutesState.ISSUED), tuple(2, MinutesState.DRAFT));
        assertThat(minutes("m1").get(0).documentNo()).isEqualTo(DOC_1);
    }

    @Test
    void theListShowsTheLatestMeetingFirstAndACancelledOneAsCancelled() {
        m1.deliver();
        m2.deliver();
        m3.deliver();

        MeetingList list = queries.handle(new FindMeetingsQuery(CID, 0, 50));
        assertThat(list.total()).isEqualTo(3);
        assertThat(list.items())
                .extracting(MeetingRow::meetingId, MeetingRow::cancelled, MeetingRow::decisions)
                .containsExactly(tuple("m2", true, 0), tuple("m1", false, 3), tuple("m3", false, 1));
        assertThat(queries.handle(new FindMeetingQuery("m2")).orElseThrow().cancellationReason())
                .isEqualTo("召集人另有公务");
        assertThat(queries.handle(new FindMeetingsQuery(CID, 1, 2)).items())
                .extracting(MeetingRow::meetingId)
                .containsExactly("m3");
        assertThat(queries.handle(new FindMeetingsQuery("other", 0, 50)).total())
                .isZero();
        assertThat(queries.handle(new FindMeetingQuery("nope"))).isEmpty();
    }

    @Test
    void theRegisterFollowsEachMatterFromMeetingAndMinutesToItsTasksAndClosure() {
        m1.deliver();
        m3.deliver();
        t1.deliver();
        t3.deliver();

        DecisionRegister register = queries.handle(new FindDecisionsQuery(CID, null, 0, 50));

        assertThat(register.total()).isEqualTo(4);
        assertThat(register.items())
                .extracting(
                        DecisionRow::decisionId,
                        DecisionRow::minutesDocumentNo,
                        DecisionRow::approval,
                        DecisionRow::allTasksClosed)
                .containsExactly(
                        tuple("d9", null, ApprovalState.REJECTED, false),
                        tuple("d1", DOC_1, ApprovalState.NOT_REQUIRED, true),
                        tuple("d2", DOC_1, ApprovalState.APPROVED, false),
                        tuple("d3", DOC_2, ApprovalState.NOT_REQUIRED, false));
        DecisionRow d1 = register.items().get(1);
        assertThat(d1.meetingTopic()).isEqualTo("2025年第一次全体会议");
        assertThat(d1.meetingKind()).isEqualTo(MeetingKind.PLENARY);
        assertThat(d1.meetingDate()).isEqualTo(day("2025-03-01"));
        assertThat(d1.minutesVersion()).isEqualTo(1);
        assertThat(d1.tasks())
                .containsExactly(new DecisionRow.Task(
                        "t1", "建设托育综合服务中心", "health", "省卫生健康委", day("2025-06-30"), TaskStatus.CLOSED, true, true));
        DecisionRow d2 = register.items().get(2);
        assertThat(d2.tasks().get(0).status()).as("not assigned yet").isNull();
        assertThat(d2.tasks().get(0).leadUnitName()).isEqualTo("省财政厅");
        assertThat(register.items().get(3).tasks().get(0).status()).isEqualTo(TaskStatus.ASSIGNED);

        assertThat(queries.handle(new FindDecisionsQuery(null, "m1", 0, 50)).items())
                .extracting(DecisionRow::decisionId)
                .containsExactly("d1", "d2", "d3");
        assertThat(queries.handle(new FindDecisionsQuery(CID, "m2", 0, 50)).items())
                .isEmpty();
        assertThat(queries.handle(new FindDecisionsQuery(CID, null, 1, 2)).items())
                .extracting(DecisionRow::decisionId)
                .containsExactly("d2", "d3");
    }

    @Test
    void redeliveredEventsChangeNothing() {
        m1.deliver();
        m2.deliver();
        m3.deliver();
        List<Document> once = snapshot();

        m1.deliver(); // the whole streams again
        m2.deliver();
        m3.deliver();
        m1.deliver(2, 9); // and older events after newer ones
        m3.deliver(1, 3);
        assertThat(snapshot()).isEqualTo(once);
    }

    @Test
    void aResetEmptiesTheReadModelForAReplay() {
        m1.deliver();
        projection.reset();
        assertThat(queries.handle(new FindMeetingsQuery(null, 0, 50)).total()).isZero();
        assertThat(queries.handle(new FindDecisionsQuery(null, null, 0, 50)).total())
                .isZero();
        m1.deliver();
        assertThat(queries.handle(new FindDecisionsQuery(null, null, 0, 50)).total())
                .isEqualTo(3);
    }

    private List<MeetingView.Minutes> minutes(String meetingId) {
        return queries.handle(new FindMeetingQuery(meetingId)).orElseThrow().minutes();
    }

    private MeetingView.Decision decision(String meetingId, int index) {
        return queries.handle(new FindMeetingQuery(meetingId))
                .orElseThrow()
                .decisions()
                .get(index);
    }

    private List<Document> snapshot() {
        return mongo.snapshot(MeetingProjection.MEETINGS, MeetingProjection.DECISIONS);
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    static OffsetDateTime at(String iso) {
        return OffsetDateTime.parse(iso);
    }
}
