package cn.qinghai.ledger.command.conference;

import static cn.qinghai.ledger.command.conference.ConferenceRules.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qinghai.ledger.command.lookup.RosterLookup;
import cn.qinghai.ledger.events.RuleViolation;
import cn.qinghai.ledger.events.conference.*;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The roster rules (ConferenceRules), one behaviour per test. */
class ConferenceTest {

    static final String CID = "qh-infant-care";
    static final LocalDate ON = LocalDate.of(2021, 8, 12);
    static final LocalDate LATER = LocalDate.of(2022, 3, 1);

    AggregateTestFixture<Conference> fixture;

    RosterLookup lookup;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Conference.class);
        lookup = org.mockito.Mockito.mock(RosterLookup.class);
        fixture.registerInjectableResource(lookup);
    }

    static ConferenceEstablishedEvent established() {
        return new ConferenceEstablishedEvent(
                CID, "青海省促进3岁以下婴幼儿照护服务发展工作联席会议", "青政办函〔2021〕138号", List.of("青政办〔2019〕103号"), "health", ON);
    }

    static MemberUnitAddedEvent unit(String code, String name) {
        return new MemberUnitAddedEvent(CID, code, name, List.of("duty of " + name), ON);
    }

    static MemberAppointedEvent seat(String personId, String name, SeatRole role, String unitCode) {
        return new MemberAppointedEvent(CID, personId, name, "title of " + name, role, unitCode, ON);
    }

    static final MemberUnitAddedEvent HEALTH = unit("health", "省卫生健康委");
    static final MemberUnitAddedEvent EDUCATION = unit("education", "省教育厅");
    static final MemberUnitAddedEvent FINANCE = unit("finance", "省财政厅");
    static final MemberAppointedEvent KUANG = seat("kuang-yong", "匡湧", SeatRole.CONVENER, null);
    static final MemberAppointedEvent JIN = seat("jin-shengshou", "靳生寿", SeatRole.DEPUTY_CONVENER, null);
    static final MemberAppointedEvent SU = seat("su-quanren", "苏全仁", SeatRole.DEPUTY_CONVENER, "health");
    static final MemberAppointedEvent ZHONG = seat("zhong-zehai", "钟泽海", SeatRole.MEMBER, "education");
    /** 联席会议确定: a written circulation among the member units. */
    static final RosterDecision CIRCULATED =
            RosterDecision.recorded(RosterDecision.Kind.CIRCULATION, "青婴联办函〔2022〕3号", LATER);

    static RosterChangeDecidedEvent decided(
            RosterChangeDecidedEvent.Change change, String unitCode, String changeId, String personId) {
        return new RosterChangeDecidedEvent(CID, change, unitCode, changeId, personId, CIRCULATED);
    }

    static void refusedBy(ResultValidator<Conference> result, String rule, RuleViolation.Kind kind) {
        cn.qinghai.ledger.testsupport.RuleAssertions.refusedBy(result, rule, kind);
    }

    @Test
    void establishingRecordsTheNoticeAndTheOfficeHost() {
        fixture.givenNoPriorActivity()
                .when(new EstablishConferenceCommand(
                        CID, established().name(), "青政办函〔2021〕138号", List.of("青政办〔2019〕103号"), "health", ON))
                .expectEvents(established());
    }

    @Nested
    class Seats {

        @Test
        void theConvenerMayComeFromOutsideTheMemberUnits() {
            fixture.given(established(), HEALTH)
                    .when(new AppointMemberCommand(CID, "kuang-yong", "匡湧", "title of 匡湧", SeatRole.CONVENER, null, ON))
                    .expectEvents(KUANG);
        }

        @Test
        void aSecondConvenerIsRefused() {
            refusedBy(
                    fixture.given(established(), HEALTH, KUANG)
                            .when(new AppointMemberCommand(CID, "someone", "某人", "副省长", SeatRole.CONVENER, null, ON)),
                    AT_MOST_ONE_CONVENER,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void aDeputyConvenerMayHeadAMemberUnitAndThenRepresentsIt() {
            fixture.given(established(), HEALTH)
                    .when(new AppointMemberCommand(
                            CID, "su-quanren", "苏全仁", "title of 苏全仁", SeatRole.DEPUTY_CONVENER, "health", ON))
                    .expectEvents(SU);
        }

        @Test
        void aUnitRepresentedByItsDeputyConvenerGetsNoSecondSeat() {
            refusedBy(
                    fixture.given(established(), HEALTH, SU)
                            .when(new AppointMemberCommand(CID, "other", "另一人", "副主任", SeatRole.MEMBER, "health", ON)),
                    ONE_SEAT_PER_UNIT,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void aPersonHoldsOneSeat() {
            refusedBy(
                    fixture.given(established(), HEALTH, EDUCATION, SU)
                            .when(new AppointMemberCommand(
                                    CID, "su-quanren", "苏全仁", "主任", SeatRole.MEMBER, "education", ON)),
                    ONE_SEAT_PER_PERSON,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void aMemberMustRepresentAUnit() {
            refusedBy(
                    fixture.given(established())
                            .when(new AppointMemberCommand(CID, "p", "某人", "副厅长", SeatRole.MEMBER, null, ON)),
                    SEAT_BELONGS_TO_ACTIVE_UNIT,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void aSeatForAnUnknownUnitIsNotFound() {
            refusedBy(
                    fixture.given(established())
                            .when(new AppointMemberCommand(CID, "p", "某人", "副厅长", SeatRole.MEMBER, "nowhere", ON)),
                    KNOWN_UNIT,
                    RuleViolation.Kind.NOT_FOUND);
        }

        @Test
        void aSeatForARemovedUnitIsRefused() {
            refusedBy(
                    fixture.given(established(), FINANCE, new MemberUnitRemovedEvent(CID, "finance", "调整", LATER, null))
                            .when(new AppointMemberCommand(CID, "p", "某人", "副厅长", SeatRole.MEMBER, "finance", LATER)),
                    SEAT_BELONGS_TO_ACTIVE_UNIT,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void nothingTakesEffectBeforeTheConferenceWasEstablished() {
            refusedBy(
                    fixture.given(established(), HEALTH)
                            .when(new AppointMemberCommand(
                                    CID, "kuang-yong", "匡湧", "副省长", SeatRole.CONVENER, null, ON.minusDays(1))),
                    NOT_BEFORE_ESTABLISHMENT,
                    RuleViolation.Kind.RULE);
        }
    }

    @Nested
    class OfficeDirector {

        @Test
        void theDirectorServesConcurrentlySoMustHoldASeat() {
            refusedBy(
                    fixture.given(established(), HEALTH).when(new AppointOfficeDirectorCommand(CID, "su-quanren", ON)),
                    OFFICE_DIRECTOR_IS_SEATED,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void aSeatedPersonBecomesDirector() {
            fixture.given(established(), HEALTH, SU)
                    .when(new AppointOfficeDirectorCommand(CID, "su-quanren", ON))
                    .expectEvents(new OfficeDirectorAppointedEvent(CID, "su-quanren", "苏全仁", ON));
        }
    }

    @Nested
    class Units {

        @Test
        void aUnitWithoutListedDutiesIsStillAMemberUnit() {
            fixture.given(established())
                    .when(new AddMemberUnitCommand(CID, "ageing", "省老龄委", List.of(), ON, CIRCULATED))
                    .expectEvents(
                            new MemberUnitAddedEvent(CID, "ageing", "省老龄委", List.of(), ON),
                            decided(RosterChangeDecidedEvent.Change.UNIT_ADDED, "ageing", null, null));
        }

        @Test
        void aUnitCodeIsUsedOnce() {
            refusedBy(
                    fixture.given(established(), HEALTH)
                            .when(new AddMemberUnitCommand(CID, "health", "省卫生健康委", List.of(), ON, CIRCULATED)),
                    UNIT_CODE_UNIQUE,
                    RuleViolation.Kind.CONFLICT);
        }

        @Test
        void dutiesAreReplacedAsAWhole() {
            fixture.given(established(), EDUCATION)
                    .when(new UpdateUnitDutiesCommand(CID, "education", List.of("新职责"), CIRCULATED))
                    .expectEvents(
                            new UnitDutiesUpdatedEvent(CID, "education", List.of("新职责")),
                            decided(RosterChangeDecidedEvent.Change.UNIT_DUTIES_UPDATED, "education", null, null));
        }

        @Test
        void removingAUnitVacatesItsSeat() {
            fixture.given(established(), HEALTH, EDUCATION, ZHONG)
                    .when(new RemoveMemberUnitCommand(CID, "education", "工作调整", LATER, CIRCULATED))
                    .expectEvents(
                            new MemberUnitRemovedEvent(CID, "education", "工作调整", LATER, "zhong-zehai"),
                            decided(RosterChangeDecidedEvent.Change.UNIT_REMOVED, "education", null, null));
        }

        @Test
        void aUnitWithOpenTasksStays() {
            org.mockito.Mockito.when(lookup.openTasksOf(CID, "education")).thenReturn(2L);
            refusedBy(
                    fixture.given(established(), HEALTH, EDUCATION, ZHONG)
                            .when(new RemoveMemberUnitCommand(CID, "education", "工作调整", LATER, CIRCULATED)),
                    UNIT_WITH_OPEN_TASKS_STAYS,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void theUnitHostingTheOfficeStays() {
            refusedBy(
                    fixture.given(established(), HEALTH)
                            .when(new RemoveMemberUnitCommand(CID, "health", "调整", LATER, CIRCULATED)),
                    OFFICE_HOST_STAYS,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void aUnitHeadedByADeputyConvenerStaysUntilThatSeatChanges() {
            refusedBy(
                    fixture.given(new ConferenceEstablishedEvent(CID, "n", "d", List.of(), "education", ON), HEALTH, SU)
                            .when(new RemoveMemberUnitCommand(CID, "health", "调整", LATER, CIRCULATED)),
                    DEPUTY_CONVENERS_UNIT_STAYS,
                    RuleViolation.Kind.RULE);
        }
    }

    @Nested
    class MemberChanges {

        final Person wang = new Person("wang-new", "王新", "省教育厅副厅长");

        MemberChangeProposedEvent proposed() {
            return new MemberChangeProposedEvent(CID, "c1", "education", "zhong-zehai", wang, "工作变动", LATER);
        }

        @Test
        void theUnitProposesAChangeOfItsOwnMember() {
            fixture.given(established(), HEALTH, EDUCATION, ZHONG)
                    .when(new ProposeMemberChangeCommand(
                            CID, "c1", "education", "zhong-zehai", wang, "工作变动", "education", LATER))
                    .expectEvents(proposed());
        }

        @Test
        void anotherUnitCannotProposeTheChange() {
            refusedBy(
                    fixture.given(established(), HEALTH, EDUCATION, ZHONG)
                            .when(new ProposeMemberChangeCommand(
                                    CID, "c1", "education", "zhong-zehai", wang, "工作变动", "health", LATER)),
                    UNIT_PROPOSES_OWN_MEMBER_CHANGE,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void theOutgoingPersonMustHoldThatUnitsSeat() {
            refusedBy(
                    fixture.given(established(), HEALTH, EDUCATION, ZHONG, SU)
                            .when(new ProposeMemberChangeCommand(
                                    CID, "c1", "education", "su-quanren", wang, "工作变动", "education", LATER)),
                    OUTGOING_HOLDS_THE_SEAT,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void aProposalChangesNoSeatUntilConfirmed() {
            fixture.given(established(), HEALTH, EDUCATION, ZHONG, proposed())
                    .when(new AppointMemberCommand(CID, "x", "某人", "副厅长", SeatRole.MEMBER, "education", LATER))
                    .expectException(cn.qinghai.ledger.events.RuleViolatedException.class);
        }

        @Test
        void confirmationReplacesTheMemberInTheSameRole() {
            fixture.given(established(), HEALTH, EDUCATION, ZHONG, proposed())
                    .when(new ConfirmMemberChangeCommand(CID, "c1", LATER, CIRCULATED))
                    .expectEvents(
                            new MemberReplacedEvent(
                                    CID, "c1", "education", SeatRole.MEMBER, "zhong-zehai", wang, LATER, false),
                            decided(RosterChangeDecidedEvent.Change.MEMBER_REPLACED, "education", "c1", "wang-new"));
        }

        @Test
        void replacingTheOfficeDirectorVacatesTheDirectorship() {
            Person next = new Person("next", "接任者", "省卫生健康委主任");
            fixture.given(
                            established(),
                            HEALTH,
                            SU,
                            new OfficeDirectorAppointedEvent(CID, "su-quanren", "苏全仁", ON),
                            new MemberChangeProposedEvent(CID, "c2", "health", "su-quanren", next, "调动", LATER))
                    .when(new ConfirmMemberChangeCommand(CID, "c2", LATER, CIRCULATED))
                    .expectEvents(
                            new MemberReplacedEvent(
                                    CID, "c2", "health", SeatRole.DEPUTY_CONVENER, "su-quanren", next, LATER, true),
                            decided(RosterChangeDecidedEvent.Change.MEMBER_REPLACED, "health", "c2", "next"));
        }

        @Test
        void aDecidedChangeCannotBeDecidedAgain() {
            refusedBy(
                    fixture.given(
                                    established(),
                                    HEALTH,
                                    EDUCATION,
                                    ZHONG,
                                    proposed(),
                                    new MemberChangeRejectedEvent(CID, "c1", "education", "不同意"))
                            .when(new ConfirmMemberChangeCommand(CID, "c1", LATER, CIRCULATED)),
                    CHANGE_IS_PENDING,
                    RuleViolation.Kind.CONFLICT);
        }

        @Test
        void anUnknownChangeIsNotFound() {
            refusedBy(
                    fixture.given(established()).when(new RejectMemberChangeCommand(CID, "nope", "x")),
                    KNOWN_CHANGE,
                    RuleViolation.Kind.NOT_FOUND);
        }

        @Test
        void oneChangePendingPerUnit() {
            refusedBy(
                    fixture.given(established(), HEALTH, EDUCATION, ZHONG, proposed())
                            .when(new ProposeMemberChangeCommand(
                                    CID,
                                    "c2",
                                    "education",
                                    "zhong-zehai",
                                    new Person("p3", "第三人", "副厅长"),
                                    "再议",
                                    "education",
                                    LATER)),
                    ONE_PENDING_CHANGE_PER_UNIT,
                    RuleViolation.Kind.CONFLICT);
        }

        @Test
        void theMemberChangeMustNotTakeEffectBeforeTheOutgoingTookTheSeat() {
            refusedBy(
                    fixture.given(
                                    established(),
                                    HEALTH,
                                    EDUCATION,
                                    new MemberAppointedEvent(
                                            CID, "zhong-zehai", "钟泽海", "副厅长", SeatRole.MEMBER, "education", LATER),
                                    proposed())
                            .when(new ConfirmMemberChangeCommand(CID, "c1", LATER.minusDays(1), CIRCULATED)),
                    NOT_BEFORE_ESTABLISHMENT,
                    RuleViolation.Kind.RULE);
        }
    }

    /** 联席会议确定; 联席会议可根据工作需要增减成员单位: each roster change the office records says how it was decided. */
    @Nested
    class ConferenceDecides {

        final Person wang = new Person("wang-new", "王新", "省教育厅副厅长");

        @Test
        void aMemberChangeIsNotConfirmedWithoutTheConferencesDecision() {
            refusedBy(
                    fixture.given(
                                    established(),
                                    HEALTH,
                                    EDUCATION,
                                    ZHONG,
                                    new MemberChangeProposedEvent(
                                            CID, "c1", "education", "zhong-zehai", wang, "工作变动", LATER))
                            .when(new ConfirmMemberChangeCommand(CID, "c1", LATER, null)),
                    CONFERENCE_DECIDES_ROSTER_CHANGES,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void aUnitIsNotAddedWithoutTheConferencesDecision() {
            refusedBy(
                    fixture.given(established())
                            .when(new AddMemberUnitCommand(CID, "ageing", "省老龄委", List.of(), ON, null)),
                    CONFERENCE_DECIDES_ROSTER_CHANGES,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void aUnitIsNotRemovedWithoutTheConferencesDecision() {
            refusedBy(
                    fixture.given(established(), HEALTH, EDUCATION)
                            .when(new RemoveMemberUnitCommand(CID, "education", "工作调整", LATER, null)),
                    CONFERENCE_DECIDES_ROSTER_CHANGES,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void dutiesAreNotChangedWithoutTheConferencesDecision() {
            refusedBy(
                    fixture.given(established(), EDUCATION)
                            .when(new UpdateUnitDutiesCommand(CID, "education", List.of("新职责"), null)),
                    CONFERENCE_DECIDES_ROSTER_CHANGES,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void aRecordedDecisionNamesItsReferenceAndDay() {
            refusedBy(
                    fixture.given(established(), EDUCATION)
                            .when(new UpdateUnitDutiesCommand(
                                    CID,
                                    "education",
                                    List.of("新职责"),
                                    RosterDecision.recorded(RosterDecision.Kind.MEETING, " ", LATER))),
                    CONFERENCE_DECIDES_ROSTER_CHANGES,
                    RuleViolation.Kind.RULE);
            refusedBy(
                    fixture.given(established(), EDUCATION)
                            .when(new UpdateUnitDutiesCommand(
                                    CID,
                                    "education",
                                    List.of("新职责"),
                                    RosterDecision.recorded(RosterDecision.Kind.OTHER, "省政府常务会议", null))),
                    CONFERENCE_DECIDES_ROSTER_CHANGES,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void aDecisionIsNotDatedBeforeTheConferenceExisted() {
            refusedBy(
                    fixture.given(established(), EDUCATION)
                            .when(new UpdateUnitDutiesCommand(
                                    CID,
                                    "education",
                                    List.of("新职责"),
                                    RosterDecision.recorded(RosterDecision.Kind.MEETING, "会议纪要", ON.minusDays(1)))),
                    NOT_BEFORE_ESTABLISHMENT,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void aLinkToMinutesNamesTheMeetingAndTheAgreedMatter() {
            refusedBy(
                    fixture.given(established(), EDUCATION)
                            .when(new UpdateUnitDutiesCommand(
                                    CID, "education", List.of("新职责"), RosterDecision.minutes("m1", null))),
                    CONFERENCE_DECIDES_ROSTER_CHANGES,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void aLinkToMinutesNeedsTheMeetingsMinutesIssued() {
            refusedBy(
                    fixture.given(established(), EDUCATION)
                            .when(new UpdateUnitDutiesCommand(
                                    CID, "education", List.of("新职责"), RosterDecision.minutes("m1", "d1"))),
                    DECISION_IN_ISSUED_MINUTES,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void aLinkToIssuedMinutesCarriesTheNumberAndDateOfTheMinutesThatIssuedTheMatter() {
            org.mockito.Mockito.when(lookup.issuedMinutesOf("m1")).thenReturn(List.of("青婴联纪〔2022〕1号", "青婴联纪〔2022〕2号"));
            org.mockito.Mockito.when(lookup.issuedMatter("m1", "d1"))
                    .thenReturn(java.util.Optional.of(
                            new RosterLookup.IssuedMatter("青婴联纪〔2022〕1号", LocalDate.of(2022, 3, 1))));
            fixture.given(established(), EDUCATION)
                    .when(new UpdateUnitDutiesCommand(
                            CID, "education", List.of("新职责"), RosterDecision.minutes("m1", "d1")))
                    .expectEvents(
                            new UnitDutiesUpdatedEvent(CID, "education", List.of("新职责")),
                            new RosterChangeDecidedEvent(
                                    CID,
                                    RosterChangeDecidedEvent.Change.UNIT_DUTIES_UPDATED,
                                    "education",
                                    null,
                                    null,
                                    new RosterDecision(
                                            RosterDecision.Kind.MINUTES,
                                            "m1",
                                            "d1",
                                            "青婴联纪〔2022〕1号",
                                            LocalDate.of(2022, 3, 1))));
        }

        @Test
        void aLinkToIssuedMinutesNamesAnAgreedMatterTheyCarry() {
            org.mockito.Mockito.when(lookup.issuedMinutesOf("m1")).thenReturn(List.of("青婴联纪〔2022〕1号"));
            org.mockito.Mockito.when(lookup.issuedMatter("m1", "d1"))
                    .thenReturn(java.util.Optional.of(
                            new RosterLookup.IssuedMatter("青婴联纪〔2022〕1号", LocalDate.of(2022, 3, 1))));
            refusedBy(
                    fixture.given(established(), EDUCATION)
                            .when(new UpdateUnitDutiesCommand(
                                    CID, "education", List.of("新职责"), RosterDecision.minutes("m1", "d-not-issued"))),
                    DECISION_IN_ISSUED_MINUTES,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void aLinkStoredWithoutItsMatterStaysHistory() {
            // Recorded before links named the matter: the conference is rebuilt from it, and later changes go on.
            RosterChangeDecidedEvent old = new RosterChangeDecidedEvent(
                    CID,
                    RosterChangeDecidedEvent.Change.UNIT_DUTIES_UPDATED,
                    "education",
                    null,
                    null,
                    new RosterDecision(RosterDecision.Kind.MINUTES, "m1", null, "青婴联纪〔2022〕1号", null));
            fixture.given(established(), EDUCATION, new UnitDutiesUpdatedEvent(CID, "education", List.of("旧职责")), old)
                    .when(new UpdateUnitDutiesCommand(CID, "education", List.of("新职责"), CIRCULATED))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void anAppointmentMayCiteItsDecision() {
            fixture.given(established(), HEALTH)
                    .when(new AppointMemberCommand(
                            CID,
                            "su-quanren",
                            "苏全仁",
                            "title of 苏全仁",
                            SeatRole.DEPUTY_CONVENER,
                            "health",
                            ON,
                            CIRCULATED))
                    .expectEvents(
                            SU,
                            decided(RosterChangeDecidedEvent.Change.MEMBER_APPOINTED, "health", null, "su-quanren"));
        }
    }

    /** 换届: the convener's and the deputy conveners' seats pass on as the conference decides. */
    @Nested
    class Succession {

        final Person zhang = new Person("zhang-new", "张新", "副省长");
        final OfficeDirectorAppointedEvent SU_DIRECTS = new OfficeDirectorAppointedEvent(CID, "su-quanren", "苏全仁", ON);

        @Test
        void theConvenersSeatPassesToTheNewViceGovernor() {
            fixture.given(established(), HEALTH, KUANG)
                    .when(new SucceedSeatCommand(CID, "kuang-yong", zhang, LATER, null, CIRCULATED))
                    .expectEvents(new SeatSucceededEvent(
                            CID, SeatRole.CONVENER, null, "kuang-yong", zhang, LATER, null, CIRCULATED));
        }

        @Test
        void afterTheSuccessionTheNewConvenerIsTheOnlyOne() {
            refusedBy(
                    fixture.given(
                                    established(),
                                    HEALTH,
                                    KUANG,
                                    new SeatSucceededEvent(
                                            CID, SeatRole.CONVENER, null, "kuang-yong", zhang, LATER, null, CIRCULATED))
                            .when(new AppointMemberCommand(
                                    CID, "kuang-yong", "匡湧", "副省长", SeatRole.CONVENER, null, LATER)),
                    AT_MOST_ONE_CONVENER,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void aDeputyConvenersSeatWithoutAUnitPassesOn() {
            Person li = new Person("li-new", "李新", "省政府副秘书长");
            fixture.given(established(), HEALTH, KUANG, JIN)
                    .when(new SucceedSeatCommand(CID, "jin-shengshou", li, LATER, null, CIRCULATED))
                    .expectEvents(new SeatSucceededEvent(
                            CID, SeatRole.DEPUTY_CONVENER, null, "jin-shengshou", li, LATER, null, CIRCULATED));
        }

        @Test
        void aSuccessionIsNotRecordedWithoutTheConferencesDecision() {
            refusedBy(
                    fixture.given(established(), HEALTH, KUANG)
                            .when(new SucceedSeatCommand(CID, "kuang-yong", zhang, LATER, null, null)),
                    CONFERENCE_DECIDES_ROSTER_CHANGES,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void aMembersSeatPassesOnlyByAMemberChange() {
            refusedBy(
                    fixture.given(established(), HEALTH, EDUCATION, ZHONG)
                            .when(new SucceedSeatCommand(CID, "zhong-zehai", zhang, LATER, null, CIRCULATED)),
                    SUCCESSION_OF_CONVENING_SEATS,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void anUnknownSeatIsNotFound() {
            refusedBy(
                    fixture.given(established(), HEALTH)
                            .when(new SucceedSeatCommand(CID, "nobody", zhang, LATER, null, CIRCULATED)),
                    KNOWN_SEAT,
                    RuleViolation.Kind.NOT_FOUND);
        }

        @Test
        void theIncomingHoldsNoOtherSeat() {
            refusedBy(
                    fixture.given(established(), HEALTH, EDUCATION, KUANG, ZHONG)
                            .when(new SucceedSeatCommand(
                                    CID,
                                    "kuang-yong",
                                    new Person("zhong-zehai", "钟泽海", "副省长"),
                                    LATER,
                                    null,
                                    CIRCULATED)),
                    ONE_SEAT_PER_PERSON,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void theSuccessionDoesNotPrecedeTheOutgoingsTerm() {
            refusedBy(
                    fixture.given(established(), HEALTH, seat("kuang-yong", "匡湧", SeatRole.CONVENER, null))
                            .when(new SucceedSeatCommand(CID, "kuang-yong", zhang, ON.minusDays(1), null, CIRCULATED)),
                    NOT_BEFORE_ESTABLISHMENT,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void replacingTheOfficeDirectorMustSayWhatBecomesOfTheDirectorship() {
            refusedBy(
                    fixture.given(established(), HEALTH, SU, SU_DIRECTS)
                            .when(new SucceedSeatCommand(CID, "su-quanren", zhang, LATER, null, CIRCULATED)),
                    OFFICE_DIRECTOR_IS_SEATED,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void theDirectorshipPassesToTheIncomingWhenTheConferenceSaysSo() {
            fixture.given(established(), HEALTH, SU, SU_DIRECTS)
                    .when(new SucceedSeatCommand(
                            CID, "su-quanren", zhang, LATER, OfficeDirectorHandover.TO_INCOMING, CIRCULATED))
                    .expectEvents(new SeatSucceededEvent(
                            CID,
                            SeatRole.DEPUTY_CONVENER,
                            "health",
                            "su-quanren",
                            zhang,
                            LATER,
                            OfficeDirectorHandover.TO_INCOMING,
                            CIRCULATED));
        }

        @Test
        void aDirectorshipPassedOnIsHeldByTheIncoming() {
            refusedBy(
                    fixture.given(
                                    established(),
                                    HEALTH,
                                    SU,
                                    SU_DIRECTS,
                                    new SeatSucceededEvent(
                                            CID,
                                            SeatRole.DEPUTY_CONVENER,
                                            "health",
                                            "su-quanren",
                                            zhang,
                                            LATER,
                                            OfficeDirectorHandover.TO_INCOMING,
                                            CIRCULATED))
                            .when(new AppointOfficeDirectorCommand(CID, "zhang-new", LATER)),
                    OFFICE_DIRECTOR_IS_SEATED,
                    RuleViolation.Kind.CONFLICT);
        }

        @Test
        void aVacatedDirectorshipLeavesNoDirectorUntilOneIsAppointed() {
            fixture.given(
                            established(),
                            HEALTH,
                            SU,
                            SU_DIRECTS,
                            new SeatSucceededEvent(
                                    CID,
                                    SeatRole.DEPUTY_CONVENER,
                                    "health",
                                    "su-quanren",
                                    zhang,
                                    LATER,
                                    OfficeDirectorHandover.VACATE,
                                    CIRCULATED))
                    .when(new AppointOfficeDirectorCommand(CID, "zhang-new", LATER))
                    .expectEvents(new OfficeDirectorAppointedEvent(CID, "zhang-new", "张新", LATER));
        }

        @Test
        void aHandoverIsOnlySaidOfTheOfficeDirector() {
            refusedBy(
                    fixture.given(established(), HEALTH, KUANG, SU, SU_DIRECTS)
                            .when(new SucceedSeatCommand(
                                    CID, "kuang-yong", zhang, LATER, OfficeDirectorHandover.VACATE, CIRCULATED)),
                    OFFICE_DIRECTOR_IS_SEATED,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void aSeatWithAPendingMemberChangeWaitsForThatDecision() {
            refusedBy(
                    fixture.given(
                                    established(),
                                    HEALTH,
                                    SU,
                                    new MemberChangeProposedEvent(
                                            CID,
                                            "c2",
                                            "health",
                                            "su-quanren",
                                            new Person("next", "接任者", "主任"),
                                            "调动",
                                            LATER))
                            .when(new SucceedSeatCommand(CID, "su-quanren", zhang, LATER, null, CIRCULATED)),
                    ONE_PENDING_CHANGE_PER_UNIT,
                    RuleViolation.Kind.CONFLICT);
        }
    }

    @Nested
    class Liaisons {

        @Test
        void aLiaisonTakesEffectWhenFiled() {
            fixture.given(established(), EDUCATION)
                    .when(new FileLiaisonCommand(CID, "education", "李联络", "处长", "0971-1234567", LATER))
                    .expectEvents(new LiaisonFiledEvent(CID, "education", "李联络", "处长", "0971-1234567", LATER));
        }

        @Test
        void aLiaisonIsNeverEffectiveAfterTheFilingDay() {
            refusedBy(
                    fixture.given(established(), EDUCATION).when(filedByUnit(LATER.plusDays(1), LATER)),
                    LIAISON_FILING_WINDOW,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void aUnitDatesItsFilingBackAtMostThirtyDays() {
            fixture.given(established(), EDUCATION)
                    .when(filedByUnit(LATER.minusDays(30), LATER))
                    .expectSuccessfulHandlerExecution();
            refusedBy(
                    fixture.given(established(), EDUCATION).when(filedByUnit(LATER.minusDays(31), LATER)),
                    LIAISON_FILING_WINDOW,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void onlyTheOfficeWithAReasonCorrectsOlderRecords() {
            refusedBy(
                    fixture.given(established(), EDUCATION)
                            .when(new FileLiaisonCommand(
                                    CID,
                                    "education",
                                    "李联络",
                                    "处长",
                                    "0971-1234567",
                                    ON,
                                    new FileLiaisonCommand.Filing(LATER, true, " "))),
                    LIAISON_FILING_WINDOW,
                    RuleViolation.Kind.RULE);
            fixture.given(established(), EDUCATION)
                    .when(new FileLiaisonCommand(
                            CID,
                            "education",
                            "李联络",
                            "处长",
                            "0971-1234567",
                            ON,
                            new FileLiaisonCommand.Filing(LATER, true, "补录成立时的备案")))
                    .expectEvents(new LiaisonFiledEvent(CID, "education", "李联络", "处长", "0971-1234567", ON));
        }

        @Test
        void aFilingNeverRewritesTheHistoryBeforeTheCurrentLiaison() {
            var given = fixture.given(
                    established(),
                    EDUCATION,
                    new LiaisonFiledEvent(CID, "education", "王联络", "科长", "0971-7654321", LATER));
            refusedBy(
                    given.when(new FileLiaisonCommand(
                            CID,
                            "education",
                            "李联络",
                            "处长",
                            "0971-1234567",
                            LATER.minusDays(1),
                            new FileLiaisonCommand.Filing(LATER, true, "更正"))),
                    LIAISON_HISTORY_IN_ORDER,
                    RuleViolation.Kind.RULE);
        }

        @Test
        void aFilingOnTheSameDayReplacesThatDaysLiaison() {
            fixture.given(
                            established(),
                            EDUCATION,
                            new LiaisonFiledEvent(CID, "education", "王联络", "科长", "0971-7654321", LATER))
                    .when(filedByUnit(LATER, LATER))
                    .expectEvents(new LiaisonFiledEvent(CID, "education", "李联络", "处长", "0971-1234567", LATER));
        }

        private FileLiaisonCommand filedByUnit(LocalDate effectiveOn, LocalDate filedOn) {
            return new FileLiaisonCommand(
                    CID,
                    "education",
                    "李联络",
                    "处长",
                    "0971-1234567",
                    effectiveOn,
                    new FileLiaisonCommand.Filing(filedOn, false, null));
        }

        @Test
        void aLiaisonBelongsToAnActiveUnit() {
            refusedBy(
                    fixture.given(established(), FINANCE, new MemberUnitRemovedEvent(CID, "finance", "调整", LATER, null))
                            .when(new FileLiaisonCommand(CID, "finance", "李联络", "处长", "0971-1234567", LATER)),
                    LIAISON_OF_ACTIVE_UNIT,
                    RuleViolation.Kind.RULE);
        }
    }

    @Nested
    class Dissolution {

        @Test
        void aDissolvedConferenceRefusesEveryCommand() {
            var given =
                    fixture.given(established(), HEALTH, EDUCATION, new ConferenceDissolvedEvent(CID, "任务完成", LATER));
            refusedBy(
                    given.when(new FileLiaisonCommand(CID, "education", "李", "处长", "123456", LATER)),
                    DISSOLVED_CONFERENCE_REFUSES,
                    RuleViolation.Kind.CONFLICT);
        }

        @Test
        void aDissolvedConferenceCannotBeDissolvedAgain() {
            refusedBy(
                    fixture.given(established(), new ConferenceDissolvedEvent(CID, "任务完成", LATER))
                            .when(new DissolveConferenceCommand(CID, "again", LATER)),
                    DISSOLVED_CONFERENCE_REFUSES,
                    RuleViolation.Kind.CONFLICT);
        }

        @Test
        void dissolutionIsRecordedWithItsReason() {
            fixture.given(established())
                    .when(new DissolveConferenceCommand(CID, "任务完成", LATER))
                    .expectEvents(new ConferenceDissolvedEvent(CID, "任务完成", LATER));
        }
    }

    @Test
    void everyRuleNameIsDistinct() {
        var names = java.util.Arrays.stream(ConferenceRules.class.getFields())
                .map(f -> {
                    try {
                        return (String) f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        assertThat(names).doesNotHaveDuplicates().isNotEmpty();
    }
}
