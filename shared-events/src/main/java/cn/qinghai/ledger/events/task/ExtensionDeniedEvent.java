package cn.qinghai.ledger.events.task;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ExtensionDeniedEvent(String taskId, String requestId, String reason, LocalDate decidedOn) {
}
