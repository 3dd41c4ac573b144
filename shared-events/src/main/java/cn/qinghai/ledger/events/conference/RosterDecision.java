package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;

/**
 * How the conference decided a change of its roster (联席会议确定): a link to an agreed matter in issued
 * minutes ({@link Kind#MINUTES}: {@code meetingId} and {@code decisionId}), or a record of a decision
 * taken otherwise, with a {@code reference} (a document number, a circulation's file) and the day it
 * was decided.
 *
 * @param kind       how it was decided
 * @param meetingId  the meeting whose minutes carry the decision (MINUTES only)
 * @param decisionId the agreed matter in those minutes (MINUTES only)
 * @param reference  the document or file it is recorded in; for MINUTES the minutes' number when known
 * @param decidedOn  the day the conference decided; for MINUTES the minutes' issue date when known
 */
public record RosterDecision(Kind kind, String meetingId, String decisionId, String reference, LocalDate decidedOn) {

    public enum Kind {
        /** 会议议定: an agreed matter in issued minutes of a meeting in this ledger. */
        MINUTES,
        /** 会议研究: a meeting of the conference whose minutes are not in this ledger. */
        MEETING,
        /** 书面征求意见: the member units were asked in writing and agreed. */
        CIRCULATION,
        /** 印发文件: a document issued on the conference's behalf (the founding notice, for the first roster). */
        DOCUMENT,
        /** Another way, named in the reference. */
        OTHER
    }

    /** A link to agreed matter {@code decisionId} of meeting {@code meetingId}. */
    public static RosterDecision minutes(String meetingId, String decisionId) {
        return new RosterDecision(Kind.MINUTES, meetingId, decisionId, null, null);
    }

    /** A decision taken without minutes in this ledger, recorded in {@code reference} on {@code decidedOn}. */
    public static RosterDecision recorded(Kind kind, String reference, LocalDate decidedOn) {
        return new RosterDecision(kind, null, null, reference, decidedOn);
    }
}
