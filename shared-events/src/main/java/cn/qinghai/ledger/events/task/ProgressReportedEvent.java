package cn.qinghai.ledger.events.task;

import cn.qinghai.ledger.events.ChineseName;
import java.time.OffsetDateTime;
import org.axonframework.serialization.Revision;

@ChineseName("进展报送")
@Revision("1")
public record ProgressReportedEvent(
        String taskId, String unitCode, int percentComplete, String summary, OffsetDateTime reportedAt) {}
