package cn.qinghai.ledger.events.meeting;

/** The state of one version of the minutes (会议纪要). */
public enum MinutesState {
    /** Being drafted: decisions are recorded into it (草稿). */
    DRAFT,
    /** Signed by the convener (已签发). */
    SIGNED,
    /** Issued under a document number (已印发); immutable from now on. */
    ISSUED
}
