package cn.qinghai.ledger.events.task;

/**
 * Where a task comes from: an agreed matter of a meeting ({@code meetingId}, {@code decisionId}), or a
 * direct instruction given to the office ({@code reference}, e.g. the instructing document).
 */
public record TaskSource(Kind kind, String meetingId, String decisionId, String minutesDocumentNo, String reference) {

    public enum Kind {
        DECISION,
        DIRECT_INSTRUCTION
    }

    public static TaskSource decision(String meetingId, String decisionId, String minutesDocumentNo) {
        return new TaskSource(Kind.DECISION, meetingId, decisionId, minutesDocumentNo, null);
    }

    public static TaskSource direct(String reference) {
        return new TaskSource(Kind.DIRECT_INSTRUCTION, null, null, null, reference);
    }
}
