package cn.qinghai.ledger.query.platform;

import cn.qinghai.ledger.events.conference.MemberChangeList;
import cn.qinghai.ledger.events.task.TaskView;
import cn.qinghai.ledger.platform.security.Caller;
import cn.qinghai.ledger.platform.security.Role;
import java.util.List;

/**
 * Who may read a reason a unit wrote: why it asks for a later due date (申请延期), why its member should
 * change (成员调整). Such a reason can speak of people and of the unit's own difficulties, so it is read
 * by those who decide on it or check the record — the office, auditors and administrators, the same
 * readers as the audit trail and the event feed — and by the unit that wrote it, in its own conference.
 * Everyone else (viewers, other units) sees the request without its reason. The office's own answers
 * (a denial's note, a rejection's reason) are addressed to the unit in the open and stay visible.
 */
public final class ReasonVisibility {

    private ReasonVisibility() {}

    /** Whether {@code caller} may read a reason written by {@code unitCode} of {@code conferenceId}. */
    public static boolean mayRead(Caller caller, String conferenceId, String unitCode) {
        Role role = caller.role();
        if (role == Role.OFFICE || role == Role.AUDITOR || role == Role.ADMIN) {
            return true;
        }
        return role == Role.UNIT
                && caller.actsIn(conferenceId)
                && caller.unitCode().equals(unitCode);
    }

    /** {@code view} as {@code caller} may read it: extension reasons of other units withheld. */
    public static TaskView forCaller(TaskView view, Caller caller) {
        List<TaskView.Extension> extensions = view.extensions().stream()
                .map(x -> mayRead(caller, view.conferenceId(), x.unitCode())
                        ? x
                        : new TaskView.Extension(
                                x.requestId(),
                                x.unitCode(),
                                x.currentDueDate(),
                                x.newDueDate(),
                                null,
                                x.requestedOn(),
                                x.state(),
                                x.decisionNote(),
                                x.decidedOn()))
                .toList();
        return view.withExtensions(extensions);
    }

    /** {@code list} as {@code caller} may read it: proposal reasons of other units withheld. */
    public static MemberChangeList forCaller(MemberChangeList list, Caller caller) {
        return new MemberChangeList(
                list.items().stream()
                        .map(c -> mayRead(caller, c.conferenceId(), c.unitCode())
                                ? c
                                : new MemberChangeList.MemberChange(
                                        c.conferenceId(),
                                        c.changeId(),
                                        c.unitCode(),
                                        c.unitName(),
                                        c.outgoingPersonId(),
                                        c.outgoingName(),
                                        c.incoming(),
                                        null,
                                        c.proposedOn(),
                                        c.status(),
                                        c.decisionReason(),
                                        c.effectiveOn(),
                                        c.decidedBy()))
                        .toList(),
                list.total());
    }
}
