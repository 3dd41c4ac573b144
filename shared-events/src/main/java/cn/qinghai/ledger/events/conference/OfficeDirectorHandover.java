package cn.qinghai.ledger.events.conference;

/** What becomes of the office directorship when its holder leaves a seat by succession. */
public enum OfficeDirectorHandover {
    /** The incoming holder of the seat also takes the directorship (兼任). */
    TO_INCOMING,
    /** The directorship falls vacant until the office appoints a director. */
    VACATE
}
