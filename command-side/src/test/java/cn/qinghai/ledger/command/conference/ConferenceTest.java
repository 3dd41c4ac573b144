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
        return new ConferenceEstablishedEvent(CID, "青海省促进3岁以下婴幼儿照护服务发展工作联席会议", "青政办函〔2021〕138号",
                List.of("青政办〔2019〕103号"), "health", ON);
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

    static void refusedBy(ResultValidator<Conference> result, String rule, RuleViolation.Kind kind) {
        RuleAssertions.refusedBy(result, rule, kind);
    }

    @Test
    void establishingRecordsTheNoticeAndTheOfficeHost() {
        fixture.givenNoPriorActivity()
                .when(new EstablishConferenceCommand(CID, established().name(), "青政办函〔2021〕138号",
                        List.of("青政办〔2019〕103号"), "health", ON))
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
            refusedBy(fixture.given(established(), HEALTH, KUANG)
                    .when(new AppointMemberCommand(CID, "someone", "某人", "副省长", SeatRole.CONVENER, null, ON)),
                    AT_MOST_ONE_CONVENER, RuleViolation.Kind.RULE);
        }

        @Test
        void aDeputyConvenerMayHeadAMemberUnitAndThenRepresentsIt() {
            fixture.given(established(), HEALTH)
                    .when(new AppointMemberCommand(CID, "su-quanren", "苏全仁", "title of 苏全仁",
                            SeatRole.DEPUTY_CONVENER, "health", ON))
                    .expectEvents(SU);
        }

        @Test
        void aUnitRepresentedByItsDeputyConvenerGetsNoSecondSeat() {
            refusedBy(fixture.given(established(), HEALTH, SU)
                    .when(new AppointMemberCommand(CID, "other", "另一人", "副主任", SeatRole.MEMBER, "health", ON)),
                    ONE_SEAT_PER_UNIT, RuleViolation.Kind.RULE);
        }

        @Test
        void aPersonHoldsOneSeat() {
            refusedBy(fixture.given(established(), HEALTH, EDUCATION, SU)
                    .when(new AppointMemberCommand(CID, "su-quanren", "苏全仁", "主任", SeatRole.MEMBER, "education", ON)),
                    ONE_SEAT_PER_PERSON, RuleViolation.Kind.RULE);
        }

        @Test
        void aMemberMustRepresentAUnit() {
            refusedBy(fixture.given(established())
                    .when(new AppointMemberCommand(CID, "p", "某人", "副厅长", SeatRole.MEMBER, null, ON)),
                    SEAT_BELONGS_TO_ACTIVE_UNIT, RuleViolation.Kind.RULE);
        }

        @Test
        void aSeatForAnUnknownUnitIsNotFound() {
            refusedBy(fixture.given(established())
                    .when(new AppointMemberCommand(CID, "p", "某人", "副厅长", SeatRole.MEMBER, "nowhere", ON)),
                    KNOWN_UNIT, RuleViolation.Kind.NOT_FOUND);
        }

        @Test
        void aSeatForARemovedUnitIsRefused() {
            refusedBy(fixture.given(established(), FINANCE,
                            new MemberUnitRemovedEvent(CID, "finance", "调整", LATER, null))
                    .when(new AppointMemberCommand(CID, "p", "某人", "副厅长", SeatRole.MEMBER, "finance", LATER)),
                    SEAT_BELONGS_TO_ACTIVE_UNIT, RuleViolation.Kind.RULE);
        }

        @Test
        void nothingTakesEffectBeforeTheConferenceWasEstablished() {
            refusedBy(fixture.given(established(), HEALTH)
                    .when(new AppointMemberCommand(CID, "kuang-yong", "匡湧", "副省长", SeatRole.CONVENER, null,
                            ON.minusDays(1))),
                    NOT_BEFORE_ESTABLISHMENT, RuleViolation.Kind.RULE);
        }
    }

    @Nested
    class OfficeDirector {

        @Test
        void theDirectorServesConcurrentlySoMustHoldASeat() {
            refusedBy(fixture.given(established(), HEALTH)
                    .when(new AppointOfficeDirectorCommand(CID, "su-quanren", ON)),
                    OFFICE_DIRECTOR_IS_SEATED, RuleViolation.Kind.RULE);
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
                    .when(new AddMemberUnitCommand(CID, "ageing", "省老龄委", List.of(), ON))
                    .expectEvents(new MemberUnitAddedEvent(CID, "ageing", "省老龄委", List.of(), ON));
        }

        @Test
        void aUnitCodeIsUsedOnce() {
            refusedBy(fixture.given(established(), HEALTH)
                    .when(new AddMemberUnitCommand(CID, "health", "省卫生健康委", List.of(), ON)),
                    UNIT_CODE_UNIQUE, RuleViolation.Kind.CONFLICT);
        }

        @Test
        void dutiesAreReplacedAsAWhole() {
            fixture.given(established(), EDUCATION)
                    .when(new UpdateUnitDutiesCommand(CID, "education", List.of("新职责")))
                    .expectEvents(new UnitDutiesUpdatedEvent(CID, "education", List.of("新职责")));
        }

        @Test
        void removingAUnitVacatesItsSeat() {
            fixture.given(established(), HEALTH, EDUCATION, ZHONG)
                    .when(new RemoveMemberUnitCommand(CID, "education", "工作调整", LATER))
                    .expectEvents(new MemberUnitRemovedEvent(CID, "education", "工作调整", LATER, "zhong-zehai"));
        }

        @Test
        void aUnitWithOpenTasksStays() {
            org.mockito.Mockito.when(lookup.openTasksOf(CID, "education")).thenReturn(2L);
            refusedBy(fixture.given(established(), HEALTH, EDUCATION, ZHONG)
                    .when(new RemoveMemberUnitCommand(CID, "education", "工作调整", LATER)),
                    UNIT_WITH_OPEN_TASKS_STAYS, RuleViolation.Kind.RULE);
        }

        @Test
        void theUnitHostingTheOfficeStays() {
            refusedBy(fixture.given(established(), HEALTH)
                    .when(new RemoveMemberUnitCommand(CID, "health", "调整", LATER)),
                    OFFICE_HOST_STAYS, RuleViolation.Kind.RULE);
        }

        @Test
        void aUnitHeadedByADeputyConvenerStaysUntilThatSeatChanges() {
            refusedBy(fixture.given(new ConferenceEstablishedEvent(CID, "n", "d", List.of(), "education", ON),
                            HEALTH, SU)
                    .when(new RemoveMemberUnitCommand(CID, "health", "调整", LATER)),
                    DEPUTY_CONVENERS_UNIT_STAYS, RuleViolation.Kind.RULE);
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
                    .when(new ProposeMemberChangeCommand(CID, "c1", "education", "zhong-zehai", wang, "工作变动",
                            "education", LATER))
                    .expectEvents(proposed());
        }

        @Test
        void anotherUnitCannotProposeTheChange() {
            refusedBy(fixture.given(established(), HEALTH, EDUCATION, ZHONG)
                    .when(new ProposeMemberChangeCommand(CID, "c1", "education", "zhong-zehai", wang, "工作变动",
                            "health", LATER)),
                    UNIT_PROPOSES_OWN_MEMBER_CHANGE, RuleViolation.Kind.RULE);
        }

        @Test
        void theOutgoingPersonMustHoldThatUnitsSeat() {
            refusedBy(fixture.given(established(), HEALTH, EDUCATION, ZHONG, SU)
                    .when(new ProposeMemberChangeCommand(CID, "c1", "education", "su-quanren", wang, "工作变动",
                            "education", LATER)),
                    OUTGOING_HOLDS_THE_SEAT, RuleViolation.Kind.RULE);
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
                    .when(new ConfirmMemberChangeCommand(CID, "c1", LATER))
                    .expectEvents(new MemberReplacedEvent(CID, "c1", "education", SeatRole.MEMBER, "zhong-zehai", wang,
                            LATER, false));
        }

        @Test
        void replacingTheOfficeDirectorVacatesTheDirectorship() {
            Person next = new Person("next", "接任者", "省卫生健康委主任");
            fixture.given(established(), HEALTH, SU, new OfficeDirectorAppointedEvent(CID, "su-quanren", "苏全仁", ON),
                            new MemberChangeProposedEvent(CID, "c2", "health", "su-quanren", next, "调动", LATER))
                    .when(new ConfirmMemberChangeCommand(CID, "c2", LATER))
                    .expectEvents(new MemberReplacedEvent(CID, "c2", "health", SeatRole.DEPUTY_CONVENER, "su-quanren",
                            next, LATER, true));
        }

        @Test
        void aDecidedChangeCannotBeDecidedAgain() {
            refusedBy(fixture.given(established(), HEALTH, EDUCATION, ZHONG, proposed(),
                            new MemberChangeRejectedEvent(CID, "c1", "education", "不同意"))
                    .when(new ConfirmMemberChangeCommand(CID, "c1", LATER)),
                    CHANGE_IS_PENDING, RuleViolation.Kind.CONFLICT);
        }

        @Test
        void anUnknownChangeIsNotFound() {
            refusedBy(fixture.given(established())
                    .when(new RejectMemberChangeCommand(CID, "nope", "x")),
                    KNOWN_CHANGE, RuleViolation.Kind.NOT_FOUND);
        }

        @Test
        void oneChangePendingPerUnit() {
            refusedBy(fixture.given(established(), HEALTH, EDUCATION, ZHONG, proposed())
                    .when(new ProposeMemberChangeCommand(CID, "c2", "education", "zhong-zehai",
                            new Person("p3", "第三人", "副厅长"), "再议", "education", LATER)),
                    ONE_PENDING_CHANGE_PER_UNIT, RuleViolation.Kind.CONFLICT);
        }

        @Test
        void theMemberChangeMustNotTakeEffectBeforeTheOutgoingTookTheSeat() {
            refusedBy(fixture.given(established(), HEALTH, EDUCATION,
                            new MemberAppointedEvent(CID, "zhong-zehai", "钟泽海", "副厅长", SeatRole.MEMBER, "education",
                                    LATER), proposed())
                    .when(new ConfirmMemberChangeCommand(CID, "c1", LATER.minusDays(1))),
                    NOT_BEFORE_ESTABLISHMENT, RuleViolation.Kind.RULE);
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
            refusedBy(fixture.given(established(), EDUCATION)
                            .when(filedByUnit(LATER.plusDays(1), LATER)),
                    LIAISON_FILING_WINDOW, RuleViolation.Kind.RULE);
        }

        @Test
        void aUnitDatesItsFilingBackAtMostThirtyDays() {
            fixture.given(established(), EDUCATION)
                    .when(filedByUnit(LATER.minusDays(30), LATER))
                    .expectSuccessfulHandlerExecution();
            refusedBy(fixture.given(established(), EDUCATION)
                            .when(filedByUnit(LATER.minusDays(31), LATER)),
                    LIAISON_FILING_WINDOW, RuleViolation.Kind.RULE);
        }

        @Test
        void onlyTheOfficeWithAReasonCorrectsOlderRecords() {
            refusedBy(fixture.given(established(), EDUCATION)
                            .when(new FileLiaisonCommand(CID, "education", "李联络", "处长", "0971-1234567", ON,
                                    new FileLiaisonCommand.Filing(LATER, true, " "))),
                    LIAISON_FILING_WINDOW, RuleViolation.Kind.RULE);
            fixture.given(established(), EDUCATION)
                    .when(new FileLiaisonCommand(CID, "education", "李联络", "处长", "0971-1234567", ON,
                            new FileLiaisonCommand.Filing(LATER, true, "补录成立时的备案")))
                    .expectEvents(new LiaisonFiledEvent(CID, "education", "李联络", "处长", "0971-1234567", ON));
        }

        @Test
        void aFilingNeverRewritesTheHistoryBeforeTheCurrentLiaison() {
            var given = fixture.given(established(), EDUCATION,
                    new LiaisonFiledEvent(CID, "education", "王联络", "科长", "0971-7654321", LATER));
            refusedBy(given.when(new FileLiaisonCommand(CID, "education", "李联络", "处长", "0971-1234567",
                            LATER.minusDays(1), new FileLiaisonCommand.Filing(LATER, true, "更正"))),
                    LIAISON_HISTORY_IN_ORDER, RuleViolation.Kind.RULE);
        }

        @Test
        void aFilingOnTheSameDayReplacesThatDaysLiaison() {
            fixture.given(established(), EDUCATION,
                            new LiaisonFiledEvent(CID, "education", "王联络", "科长", "0971-7654321", LATER))
                    .when(filedByUnit(LATER, LATER))
                    .expectEvents(new LiaisonFiledEvent(CID, "education", "李联络", "处长", "0971-1234567", LATER));
        }

        private FileLiaisonCommand filedByUnit(LocalDate effectiveOn, LocalDate filedOn) {
            return new FileLiaisonCommand(CID, "education", "李联络", "处长", "0971-1234567", effectiveOn,
                    new FileLiaisonCommand.Filing(filedOn, false, null));
        }

        @Test
        void aLiaisonBelongsToAnActiveUnit() {
            refusedBy(fixture.given(established(), FINANCE, new MemberUnitRemovedEvent(CID, "finance", "调整", LATER, null))
                    .when(new FileLiaisonCommand(CID, "finance", "李联络", "处长", "0971-1234567", LATER)),
                    LIAISON_OF_ACTIVE_UNIT, RuleViolation.Kind.RULE);
        }
    }

    @Nested
    class Dissolution {

        @Test
        void aDissolvedConferenceRefusesEveryCommand() {
            var given = fixture.given(established(), HEALTH, EDUCATION,
                    new ConferenceDissolvedEvent(CID, "任务完成", LATER));
            refusedBy(given.when(new FileLiaisonCommand(CID, "education", "李", "处长", "123456", LATER)),
                    DISSOLVED_CONFERENCE_REFUSES, RuleViolation.Kind.CONFLICT);
        }

        @Test
        void aDissolvedConferenceCannotBeDissolvedAgain() {
            refusedBy(fixture.given(established(), new ConferenceDissolvedEvent(CID, "任务完成", LATER))
                    .when(new DissolveConferenceCommand(CID, "again", LATER)),
                    DISSOLVED_CONFERENCE_REFUSES, RuleViolation.Kind.CONFLICT);
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
        var names = java.util.Arrays.stream(ConferenceRules.class.getFields()).map(f -> {
            try {
                return (String) f.get(null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(names).doesNotHaveDuplicates().isNotEmpty();
    }
}
