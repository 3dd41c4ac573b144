package cn.qinghai.ledger.events.task;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Back to IN_PROGRESS; from now on progress may be reported lower than before. */
@Revision("1")
public record TaskReturnedEvent(String taskId, String reason, LocalDate returnedOn) {
}
