package cn.qinghai.ledger.events.meeting;

public enum MeetingKind {
    /** 全体会议: convened by the convener, every active member unit takes part. */
    PLENARY,
    /** 专题会议: convened by a deputy convener, all or some member units take part. */
    SPECIAL_TOPIC
}
