package cn.qinghai.ledger.events.task;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TaskAcknowledgedEvent(String taskId, String unitCode, LocalDate acknowledgedOn) {
}
