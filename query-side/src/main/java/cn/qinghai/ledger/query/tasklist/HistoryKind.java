package cn.qinghai.ledger.query.tasklist;

/** Kinds of a task's history entries (进展, 催办, 延期 asked, granted and denied, 办结, 退回, 逾期). */
public enum HistoryKind {
    PROGRESS,
    URGED,
    EXTENSION_REQUESTED,
    EXTENSION_GRANTED,
    EXTENSION_DENIED,
    COMPLETION,
    RETURNED,
    OVERDUE
}
