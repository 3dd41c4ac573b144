package cn.qinghai.ledger.events.task;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The due date passed without a completion submitted: lateness as a fact in the log. */
@Revision("1")
public record TaskBecameOverdueEvent(String taskId, String conferenceId, String leadUnitCode, LocalDate dueDate) {
}
