package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import java.util.List;

/** Member changes proposed by units (由所在单位提出) and where each stands (联席会议确定). */
public record MemberChangeList(List<MemberChange> items, long total) {

    /** Waiting for the conference, confirmed (the seat changed hands) or rejected. */
    public enum Status {
        PENDING,
        CONFIRMED,
        REJECTED
    }

    /**
     * One proposal: the outgoing member (by id, with the name the roster knows) and the incoming person;
     * {@code decisionReason} is the reason of a rejection, {@code effectiveOn} the date a confirmation
     * took effect, {@code decidedBy} how the conference decided a confirmation (null when not on record).
     */
    public record MemberChange(
            String conferenceId,
            String changeId,
            String unitCode,
            String unitName,
            String outgoingPersonId,
            String outgoingName,
            Person incoming,
            String reason,
            LocalDate proposedOn,
            Status status,
            String decisionReason,
            LocalDate effectiveOn,
            RosterDecision decidedBy) {}
}
