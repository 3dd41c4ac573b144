package cn.qinghai.ledger.events.task;

import java.time.OffsetDateTime;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TaskUrgedEvent(String taskId, String note, OffsetDateTime urgedAt) {
}
