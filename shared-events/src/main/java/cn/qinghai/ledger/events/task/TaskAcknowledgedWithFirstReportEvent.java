package cn.qinghai.ledger.events.task;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The lead unit reported progress on a task it had not acknowledged (签收): its first report acknowledges
 * the task, on the report's day. Always followed, in the same command, by the {@link ProgressReportedEvent}
 * of that report (docs/adr/0015-the-first-report-acknowledges.md).
 */
@ChineseName("随首次报送签收")
@Revision("1")
public record TaskAcknowledgedWithFirstReportEvent(String taskId, String unitCode, LocalDate acknowledgedOn) {}
