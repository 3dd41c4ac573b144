package cn.qinghai.ledger.events.task;

import cn.qinghai.ledger.events.RuleSource;

/** Why a task has its {@link RagStatus}. */
public enum RagReason {
    /** Red: the due date passed without a completion submitted in time (逾期). */
    @RuleSource(
            practice = "the notice sets no colours; the office shows red for a task past its due date, the "
                    + "due date in force after any extension granted")
    OVERDUE,
    /** Amber: due within the warning window (临期). */
    DUE_SOON,
    /** Amber: no progress report within the reporting interval (未按时报送进展). */
    REPORT_MISSING,
    /** Green: nothing to worry about. */
    ON_TRACK,
    /** Green: closed (已销号); {@code onTime} tells whether it was in time. */
    CLOSED
}
