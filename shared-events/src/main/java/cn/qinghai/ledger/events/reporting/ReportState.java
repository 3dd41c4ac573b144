package cn.qinghai.ledger.events.reporting;

/**
 * Where an expected unit stands in a round: 已报送 (on or before the due date), 逾期报送 (its first report
 * came after the due date), 未报送 (nothing yet, the due date has not passed), 逾期未报送 (nothing, and the due
 * date has passed — judged on the service's today).
 */
public enum ReportState {
    REPORTED,
    REPORTED_LATE,
    NOT_REPORTED,
    OVERDUE
}
