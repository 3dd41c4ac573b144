package cn.qinghai.ledger.events.meeting;

/** Where an agreed matter stands on approval (重大事项按程序报批). */
public enum ApprovalState {
    /** Not a major matter: no approval needed, its tasks go out with the minutes. */
    NOT_REQUIRED,
    /** A major matter not yet submitted for approval (待报批). */
    PENDING_SUBMISSION,
    /** Submitted, awaiting the answer (已报批). */
    SUBMITTED,
    /** Approved (已批准): its tasks are assigned. */
    APPROVED,
    /** Rejected (未获批准): the matter is closed without tasks. */
    REJECTED
}
