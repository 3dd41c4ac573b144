package cn.qinghai.ledger.command.meeting;

import static cn.qinghai.ledger.command.meeting.MeetingRules.*;
import static cn.qinghai.ledger.events.RuleViolatedException.conflict;
import static cn.qinghai.ledger.events.RuleViolatedException.notFound;
import static cn.qinghai.ledger.events.RuleViolatedException.rule;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import cn.qinghai.ledger.command.lookup.RosterLookup;
import cn.qinghai.ledger.command.task.Task;
import cn.qinghai.ledger.command.task.TaskDeadlines;
import cn.qinghai.ledger.command.task.TaskRules;
import cn.qinghai.ledger.events.conference.SeatRole;
import cn.qinghai.ledger.events.meeting.*;
import cn.qinghai.ledger.events.task.AssignTaskCommand;
import cn.qinghai.ledger.events.task.TaskSource;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * 会议 — a plenary or special-topic meeting: who convened it and who takes part (checked against the
 * command-side roster), attendance, agreed matters (议定事项) in minutes that the convener signs before
 * they are issued, and major matters that wait for approval. Issuing the minutes assigns the tasks of
 * ordinary matters; approving a major matter assigns its tasks; a rejection closes it without tasks.
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
@Aggregate(commandTargetResolver = "versionedCommandTargetResolver")
public class Meeting {

    enum MinutesState {
        DRAFT,
        SIGNED,
        ISSUED
    }

    enum Approval {
        NOT_REQUIRED,
        NOT_SUBMITTED,
        SUBMITTED,
        APPROVED,
        REJECTED
    }

    private record Decision(int version, boolean major, List<TaskSpec> tasks, Approval approval, String minutesNo) {
        Decision with(Approval next) {
            return new Decision(version, major, tasks, next, minutesNo);
        }

        Decision issuedAs(String documentNo) {
            return new Decision(version, major, tasks, approval, documentNo);
        }

        Decision withDueDates(List<TaskDueDate> dueDates) {
            Map<String, LocalDate> due = new HashMap<>();
            dueDates.forEach(d -> due.put(d.taskId(), d.dueDate()));
            return new Decision(
                    version,
                    major,
                    tasks.stream()
                            .map(t -> due.containsKey(t.taskId())
                                    ? new TaskSpec(
                                            t.taskId(),
                                            t.title(),
                                            t.leadUnitCode(),
                                            t.coUnitCodes(),
                                            due.get(t.taskId()))
                                    : t)
                            .toList(),
                    approval,
                    minutesNo);
        }
    }

    @AggregateIdentifier
    private String meetingId;

    private String conferenceId;
    private LocalDate meetingDate;
    private List<String> participants = new ArrayList<>();
    private boolean attendanceRecorded;
    private LocalDate signedOn;
    private boolean everSigned;
    private boolean cancelled;
    private int minutesVersion;
    private MinutesState minutesState;
    private final Set<String> issuedNumbers = new HashSet<>();
    private final Map<String, Decision> decisions = new LinkedHashMap<>();
    private final Set<String> taskIds = new HashSet<>();

    protected Meeting() {
        // for Axon
    }

    @CommandHandler
    public Meeting(ConveneMeetingCommand command, RosterLookup roster) {
        String cid = command.conferenceId();
        if (!roster.conferenceExists(cid) || roster.isDissolved(cid)) {
            throw rule(MEETINGS_OF_A_LIVING_CONFERENCE, "conference " + cid + " does not exist or is dissolved");
        }
        notBeforeEstablishment(
                command.scheduledAt().toLocalDate(), roster.establishedOn(cid).orElse(null));
        RosterLookup.Seat convener = roster.seat(cid, command.convenedBy()).orElse(null);
        List<String> activeUnits = roster.activeUnits(cid);
        List<String> participants;
        if (command.kind() == MeetingKind.PLENARY) {
            plenaryConvenedByConvener(convener, command.convenedBy());
            participants = plenaryIncludesEveryUnit(command.participantUnits(), activeUnits);
        } else {
            specialTopicConvenedByDeputy(convener, command.convenedBy());
            participants = participantsAreActiveUnits(command.participantUnits(), activeUnits);
        }
        invitedAreNotMemberUnits(command.invitedDepartments(), activeUnits, cid, roster);
        apply(new MeetingConvenedEvent(
                command.meetingId(),
                cid,
                command.kind(),
                command.topic(),
                command.scheduledAt(),
                command.location(),
                command.convenedBy(),
                convener.name(),
                participants,
                List.copyOf(command.invitedDepartments())));
    }

    @CommandHandler
    public void handle(RecordAttendanceCommand command) {
        refuseIfCancelled();
        if (minutesState != MinutesState.DRAFT) {
            throw rule(DECISIONS_UNTIL_SIGNED, "the minutes are signed; the attendance they record is final");
        }
        attendanceAccountsForParticipants(command);
        apply(new AttendanceRecordedEvent(
                meetingId,
                List.copyOf(command.present()),
                List.copyOf(command.absent()),
                List.copyOf(command.standIns())));
    }

    @CommandHandler
    public void handle(RecordDecisionCommand command, RosterLookup roster) {
        refuseIfCancelled();
        if (minutesState != MinutesState.DRAFT) {
            throw rule(
                    DECISIONS_UNTIL_SIGNED,
                    "the minutes (version " + minutesVersion + ") are already "
                            + minutesState.name().toLowerCase() + "; record the matter in a correction");
        }
        if (decisions.containsKey(command.decisionId())) {
            throw conflict(DECISION_ID_UNIQUE, "decision " + command.decisionId() + " is already recorded");
        }
        Set<String> newTaskIds = new HashSet<>();
        for (TaskSpec task : command.tasks()) {
            if (taskIds.contains(task.taskId()) || !newTaskIds.add(task.taskId())) {
                throw conflict(TaskRules.TASK_ID_UNIQUE, "task id " + task.taskId() + " is used twice");
            }
            if (task.dueDate().isBefore(meetingDate)) {
                throw rule(
                        TaskRules.DUE_DATE_NOT_BEFORE_ASSIGNMENT,
                        "task " + task.taskId() + " is due (" + task.dueDate() + ") before the meeting (" + meetingDate
                                + ")");
            }
            Task.checkAssignment(assignment(task, null, meetingDate), roster);
        }
        apply(new DecisionRecordedEvent(
                meetingId,
                conferenceId,
                command.decisionId(),
                minutesVersion,
                command.matter(),
                command.major(),
                List.copyOf(command.tasks())));
    }

    @CommandHandler
    public void handle(SignMinutesCommand command, RosterLookup roster) {
        refuseIfCancelled();
        if (minutesState != MinutesState.DRAFT) {
            throw conflict(ONLY_CONVENER_SIGNS, "minutes version " + minutesVersion + " are already signed");
        }
        if (decisions.values().stream().noneMatch(d -> d.version() == minutesVersion)) {
            throw rule(MINUTES_RECORD_MATTERS, "minutes version " + minutesVersion + " record no agreed matter");
        }
        if (!attendanceRecorded) {
            throw rule(
                    ATTENDANCE_BEFORE_SIGNATURE,
                    "the attendance of meeting " + meetingId
                            + " is not recorded; the minutes say who attended, so record it before signing");
        }
        RosterLookup.Seat convener = roster.convener(conferenceId).orElse(null);
        if (convener == null || !convener.personId().equals(command.signedBy())) {
            throw rule(
                    ONLY_CONVENER_SIGNS,
                    "minutes are signed by the convener (由召集人签发)"
                            + (convener == null
                                    ? "; the conference has none"
                                    : ", " + convener.name() + ", not by " + command.signedBy()));
        }
        if (command.signedOn().isBefore(meetingDate)) {
            throw rule(
                    SIGNED_NOT_BEFORE_MEETING,
                    "minutes signed on " + command.signedOn() + " would precede the meeting they record (" + meetingDate
                            + ")");
        }
        apply(new MinutesSignedEvent(
                meetingId, minutesVersion, convener.personId(), convener.name(), command.signedOn()));
    }

    @CommandHandler
    public void handle(
            IssueMinutesCommand command, RosterLookup roster, DeadlineManager deadlineManager, TaskDeadlines deadlines)
            throws Exception {
        refuseIfCancelled();
        if (minutesState == MinutesState.ISSUED) {
            throw conflict(ISSUE_SIGNED_MINUTES_ONCE, "minutes version " + minutesVersion + " are already issued");
        }
        if (minutesState != MinutesState.SIGNED) {
            throw rule(ISSUE_SIGNED_MINUTES_ONCE, "minutes are issued after the convener signs them (签发后印发)");
        }
        if (command.issuedOn().isBefore(signedOn)) {
            throw rule(
                    ISSUED_NOT_BEFORE_SIGNED,
                    "minutes issued on " + command.issuedOn() + " would precede their signature (" + signedOn + ")");
        }
        // 青联办纪[2025]3号 and 青联办纪〔2025〕3号 are one number: compared, and recorded, in its normal form.
        String documentNo = MinutesDocumentNumber.normalise(command.documentNo());
        if (issuedNumbers.contains(documentNo) || roster.minutesNumberTaken(documentNo)) {
            throw conflict(MINUTES_NUMBER_UNIQUE, "document number " + documentNo + " is already used");
        }
        List<String> issuedDecisions = decisions.entrySet().stream()
                .filter(e -> e.getValue().version() == minutesVersion)
                .map(Map.Entry::getKey)
                .toList();
        notDueBeforeIssue(issuedDecisions, command.issuedOn());
        apply(new MinutesIssuedEvent(
                meetingId,
                conferenceId,
                minutesVersion,
                documentNo,
                List.copyOf(command.distribution()),
                command.issuedOn(),
                issuedDecisions));
        for (String decisionId : issuedDecisions) {
            Decision decision = decisions.get(decisionId);
            if (!decision.major()) {
                assignTasks(decisionId, decision, command.issuedOn(), roster, deadlineManager, deadlines);
            }
        }
    }

    @CommandHandler
    public void handle(OpenMinutesCorrectionCommand command) {
        refuseIfCancelled();
        if (minutesState != MinutesState.ISSUED) {
            throw rule(
                    CORRECTION_AFTER_ISSUE,
                    "minutes version " + minutesVersion + " are not issued yet; change the draft instead");
        }
        apply(new MinutesCorrectionOpenedEvent(meetingId, minutesVersion + 1, command.reason()));
    }

    /**
     * Signed minutes not yet issued go back to the draft (the convener's signature no longer stands): the
     * office changes them — a matter's due dates that the issue would pass, say — and the convener signs again.
     */
    @CommandHandler
    public void handle(ReturnMinutesForRevisionCommand command) {
        refuseIfCancelled();
        if (minutesState != MinutesState.SIGNED) {
            throw rule(
                    RETURN_SIGNED_UNISSUED_MINUTES,
                    "minutes version " + minutesVersion + " are "
                            + (minutesState == MinutesState.DRAFT
                                    ? "a draft; change it as it is"
                                    : "issued; open a correction (a new version) instead"));
        }
        apply(new MinutesReturnedForRevisionEvent(meetingId, minutesVersion, command.reason()));
    }

    @CommandHandler
    public void handle(ReviseMatterDueDatesCommand command) {
        refuseIfCancelled();
        Decision decision = decision(command.decisionId());
        if (decision.minutesNo() != null || decision.version() != minutesVersion) {
            throw rule(
                    MATTER_CHANGES_IN_DRAFT,
                    "matter " + command.decisionId() + " is issued in minutes " + decision.minutesNo()
                            + "; its tasks are assigned, and their deadlines change on the task");
        }
        if (minutesState != MinutesState.DRAFT) {
            throw rule(
                    MATTER_CHANGES_IN_DRAFT,
                    "minutes version " + minutesVersion + " are signed; return them "
                            + "for revision first, and the convener signs the changed text again");
        }
        Set<String> named = new HashSet<>();
        Set<String> tasks = new HashSet<>();
        decision.tasks().forEach(t -> tasks.add(t.taskId()));
        for (TaskDueDate due : command.dueDates()) {
            if (!tasks.contains(due.taskId()) || !named.add(due.taskId())) {
                throw rule(
                        DUE_DATES_NAME_THE_MATTERS_TASKS,
                        "task " + due.taskId() + " is not a task of matter " + command.decisionId()
                                + ", or is named twice; its tasks: " + tasks);
            }
            if (due.dueDate().isBefore(meetingDate)) {
                throw rule(
                        TaskRules.DUE_DATE_NOT_BEFORE_ASSIGNMENT,
                        "task " + due.taskId() + " would be due (" + due.dueDate() + ") before the meeting ("
                                + meetingDate + ")");
            }
        }
        if (named.isEmpty()) {
            throw rule(DUE_DATES_NAME_THE_MATTERS_TASKS, "the change names no task of matter " + command.decisionId());
        }
        apply(new MatterDueDatesRevisedEvent(
                meetingId, command.decisionId(), minutesVersion, List.copyOf(command.dueDates()), command.reason()));
    }

    @CommandHandler
    public void handle(SubmitForApprovalCommand command) {
        Decision decision = decision(command.decisionId());
        if (!decision.major() || decision.minutesNo() == null) {
            throw rule(
                    MAJOR_MATTERS_GO_FOR_APPROVAL,
                    "decision " + command.decisionId()
                            + (decision.major() ? " is not issued in minutes yet" : " is not a major matter (重大事项)"));
        }
        if (decision.approval() != Approval.NOT_SUBMITTED) {
            throw conflict(
                    APPROVAL_ANSWERS_SUBMISSION,
                    "decision " + command.decisionId() + " is already "
                            + decision.approval().name().toLowerCase().replace('_', ' '));
        }
        apply(new MatterSubmittedForApprovalEvent(
                meetingId, command.decisionId(), command.submittedTo(), command.documentNo(), command.submittedOn()));
    }

    @CommandHandler
    public void handle(
            RecordApprovalCommand command,
            RosterLookup roster,
            DeadlineManager deadlineManager,
            TaskDeadlines deadlines)
            throws Exception {
        Decision decision = decision(command.decisionId());
        if (decision.approval() != Approval.SUBMITTED) {
            throw conflict(
                    APPROVAL_ANSWERS_SUBMISSION,
                    "decision " + command.decisionId() + " is not awaiting approval (" + decision.approval() + ")");
        }
        if (command.approved()) {
            apply(new MatterApprovedEvent(
                    meetingId, command.decisionId(), command.approver(), command.documentNo(), command.decidedOn()));
            assignTasks(command.decisionId(), decision, command.decidedOn(), roster, deadlineManager, deadlines);
        } else {
            apply(new MatterRejectedEvent(
                    meetingId, command.decisionId(), command.approver(), command.documentNo(), command.decidedOn()));
        }
    }

    @CommandHandler
    public void handle(CancelMeetingCommand command) {
        refuseIfCancelled();
        if (minutesState != MinutesState.DRAFT || minutesVersion > 1 || everSigned) {
            throw rule(CANCEL_BEFORE_SIGNING, "the minutes of meeting " + meetingId + " are signed; it took place");
        }
        apply(new MeetingCancelledEvent(meetingId, command.reason()));
    }

    // ---- named rules -------------------------------------------------------------------------

    private static void notBeforeEstablishment(LocalDate meetingDay, LocalDate establishedOn) {
        if (establishedOn != null && meetingDay.isBefore(establishedOn)) {
            throw rule(
                    MEETING_NOT_BEFORE_ESTABLISHMENT,
                    "a meeting on " + meetingDay + " would precede the conference, established on " + establishedOn);
        }
    }

    private static void plenaryConvenedByConvener(RosterLookup.Seat seat, String personId) {
        if (seat == null || seat.role() != SeatRole.CONVENER) {
            throw rule(
                    PLENARY_CONVENED_BY_CONVENER,
                    "a plenary (全体会议) is convened by the convener (召集人); " + personId
                            + (seat == null ? " holds no seat" : " is a " + seat.role()));
        }
    }

    private static void specialTopicConvenedByDeputy(RosterLookup.Seat seat, String personId) {
        if (seat == null || seat.role() != SeatRole.DEPUTY_CONVENER) {
            throw rule(
                    SPECIAL_TOPIC_CONVENED_BY_DEPUTY,
                    "a special-topic meeting (专题会议) is convened by a deputy " + "convener (副召集人); " + personId
                            + (seat == null ? " holds no seat" : " is a " + seat.role()));
        }
    }

    private static List<String> plenaryIncludesEveryUnit(List<String> given, List<String> activeUnits) {
        if (given.isEmpty()) {
            return List.copyOf(activeUnits);
        }
        if (given.size() != new HashSet<>(given).size() || !new HashSet<>(given).equals(new HashSet<>(activeUnits))) {
            throw rule(
                    PLENARY_INCLUDES_EVERY_UNIT,
                    "a plenary includes every active member unit (全体成员参加): " + activeUnits);
        }
        return List.copyOf(given);
    }

    private static List<String> participantsAreActiveUnits(List<String> given, List<String> activeUnits) {
        if (given.isEmpty() || given.size() != new HashSet<>(given).size() || !activeUnits.containsAll(given)) {
            throw rule(
                    PARTICIPANTS_ARE_ACTIVE_UNITS,
                    "participants are one or more active member units, each once; " + "not members: "
                            + given.stream()
                                    .filter(u -> !activeUnits.contains(u))
                                    .toList());
        }
        return List.copyOf(given);
    }

    private static void invitedAreNotMemberUnits(
            List<String> invited, List<String> activeUnits, String cid, RosterLookup roster) {
        Set<String> memberNames = new HashSet<>(activeUnits);
        activeUnits.forEach(code -> roster.unitName(cid, code).ifPresent(memberNames::add));
        List<String> members = invited.stream().filter(memberNames::contains).toList();
        if (!members.isEmpty() || invited.size() != new HashSet<>(invited).size()) {
            throw rule(
                    INVITED_ARE_NOT_MEMBER_UNITS,
                    "invited departments are other departments, named once; " + members
                            + " are member units and take part as such");
        }
    }

    private void attendanceAccountsForParticipants(RecordAttendanceCommand command) {
        List<String> accounted = new ArrayList<>(command.present());
        command.absent().forEach(a -> accounted.add(a.unitCode()));
        boolean exact =
                accounted.size() == participants.size() && new HashSet<>(accounted).equals(Set.copyOf(participants));
        boolean reasons = command.absent().stream()
                .allMatch(a -> a.reason() != null && !a.reason().isBlank());
        boolean standIns =
                command.standIns().stream().allMatch(s -> command.present().contains(s.unitCode()));
        if (!exact || !reasons || !standIns) {
            throw rule(
                    ATTENDANCE_ACCOUNTS_FOR_PARTICIPANTS,
                    "every participant unit is present or absent (with a "
                            + "reason) exactly once, and stand-ins attend for present units; participants: "
                            + participants);
        }
    }

    /** Issuing assigns the ordinary matters' tasks: none of them may be overdue on the day it is assigned. */
    private void notDueBeforeIssue(List<String> issuedDecisions, LocalDate issuedOn) {
        for (String decisionId : issuedDecisions) {
            Decision decision = decisions.get(decisionId);
            for (TaskSpec task : decision.major() ? List.<TaskSpec>of() : decision.tasks()) {
                if (task.dueDate().isBefore(issuedOn)) {
                    throw rule(
                            TaskRules.DUE_DATE_NOT_BEFORE_ASSIGNMENT,
                            "task " + task.taskId() + " of matter "
                                    + decisionId + " is due on " + task.dueDate()
                                    + ", before the minutes that assign it are "
                                    + "issued (" + issuedOn + "); issue them by that day, or return the signed minutes "
                                    + "for revision, change the due date and have the convener sign them again");
                }
            }
        }
    }

    private void refuseIfCancelled() {
        if (cancelled) {
            throw conflict(CANCELLED_MEETING_REFUSES, "meeting " + meetingId + " was cancelled");
        }
    }

    private Decision decision(String decisionId) {
        Decision decision = decisions.get(decisionId);
        if (decision == null) {
            throw notFound(KNOWN_DECISION, "no decision " + decisionId + " in meeting " + meetingId);
        }
        return decision;
    }

    private void assignTasks(
            String decisionId,
            Decision decision,
            LocalDate assignedOn,
            RosterLookup roster,
            DeadlineManager deadlineManager,
            TaskDeadlines deadlines)
            throws Exception {
        for (TaskSpec spec : decision.tasks()) {
            AssignTaskCommand assign =
                    assignment(spec, TaskSource.decision(meetingId, decisionId, decision.minutesNo()), assignedOn);
            createNew(Task.class, () -> Task.fromDecision(assign, roster, deadlineManager, deadlines));
        }
    }

    private AssignTaskCommand assignment(TaskSpec spec, TaskSource source, LocalDate assignedOn) {
        return new AssignTaskCommand(
                spec.taskId(),
                conferenceId,
                spec.title(),
                spec.leadUnitCode(),
                spec.coUnitCodes(),
                spec.dueDate(),
                source,
                assignedOn);
    }

    // ---- state -------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(MeetingConvenedEvent e) {
        meetingId = e.meetingId();
        conferenceId = e.conferenceId();
        meetingDate = e.scheduledAt().toLocalDate();
        participants = List.copyOf(e.participantUnits());
        minutesVersion = 1;
        minutesState = MinutesState.DRAFT;
    }

    @EventSourcingHandler
    void on(AttendanceRecordedEvent e) {
        attendanceRecorded = true;
    }

    @EventSourcingHandler
    void on(DecisionRecordedEvent e) {
        decisions.put(
                e.decisionId(),
                new Decision(
                        e.minutesVersion(),
                        e.major(),
                        e.tasks(),
                        e.major() ? Approval.NOT_SUBMITTED : Approval.NOT_REQUIRED,
                        null));
        e.tasks().forEach(t -> taskIds.add(t.taskId()));
    }

    @EventSourcingHandler
    void on(MinutesSignedEvent e) {
        minutesState = MinutesState.SIGNED;
        signedOn = e.signedOn();
        everSigned = true;
    }

    @EventSourcingHandler
    void on(MinutesReturnedForRevisionEvent e) {
        minutesState = MinutesState.DRAFT;
        signedOn = null;
    }

    @EventSourcingHandler
    void on(MatterDueDatesRevisedEvent e) {
        decisions.computeIfPresent(e.decisionId(), (k, d) -> d.withDueDates(e.dueDates()));
    }

    @EventSourcingHandler
    void on(MinutesIssuedEvent e) {
        minutesState = MinutesState.ISSUED;
        issuedNumbers.add(MinutesDocumentNumber.normalise(e.documentNo())); // events from before normalising too
        e.decisionIds().forEach(id -> decisions.computeIfPresent(id, (k, d) -> d.issuedAs(e.documentNo())));
    }

    @EventSourcingHandler
    void on(MinutesCorrectionOpenedEvent e) {
        minutesVersion = e.minutesVersion();
        minutesState = MinutesState.DRAFT;
    }

    @EventSourcingHandler
    void on(MatterSubmittedForApprovalEvent e) {
        decisions.computeIfPresent(e.decisionId(), (k, d) -> d.with(Approval.SUBMITTED));
    }

    @EventSourcingHandler
    void on(MatterApprovedEvent e) {
        decisions.computeIfPresent(e.decisionId(), (k, d) -> d.with(Approval.APPROVED));
    }

    @EventSourcingHandler
    void on(MatterRejectedEvent e) {
        decisions.computeIfPresent(e.decisionId(), (k, d) -> d.with(Approval.REJECTED));
    }

    @EventSourcingHandler
    void on(MeetingCancelledEvent e) {
        cancelled = true;
    }
}
