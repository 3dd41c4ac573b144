package cn.qinghai.ledger.events.task;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ExtensionRequestedEvent(
        String taskId,
        String requestId,
        String unitCode,
        LocalDate currentDueDate,
        LocalDate newDueDate,
        String reason,
        LocalDate requestedOn) {
}
