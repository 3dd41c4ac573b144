package cn.qinghai.ledger.events.task;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The due date moves; the original due date is kept for the record. */
@Revision("1")
public record DeadlineExtendedEvent(
        String taskId,
        String requestId,
        LocalDate originalDueDate,
        LocalDate previousDueDate,
        LocalDate newDueDate,
        String note,
        LocalDate decidedOn) {
}
