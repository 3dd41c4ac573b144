package cn.qinghai.ledger.events.task;

import java.time.OffsetDateTime;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ProgressReportedEvent(
        String taskId,
        String unitCode,
        int percentComplete,
        String summary,
        OffsetDateTime reportedAt) {
}
