package cn.qinghai.ledger.events.task;

/** ASSIGNED → ACKNOWLEDGED → IN_PROGRESS → COMPLETION_SUBMITTED → CLOSED; a return goes back to IN_PROGRESS. */
public enum TaskStatus {
    ASSIGNED,
    ACKNOWLEDGED,
    IN_PROGRESS,
    COMPLETION_SUBMITTED,
    CLOSED
}
