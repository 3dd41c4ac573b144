package cn.qinghai.ledger.events.conference;

/** The seat a person holds in the conference. */
public enum SeatRole {
    /** 召集人 — convenes plenary sessions and signs minutes; at most one. */
    CONVENER,
    /** 副召集人 — convenes special-topic sessions; may also represent a member unit. */
    DEPUTY_CONVENER,
    /** 成员 — represents one member unit. */
    MEMBER
}
