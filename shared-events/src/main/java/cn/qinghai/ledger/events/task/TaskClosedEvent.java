package cn.qinghai.ledger.events.task;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The task is closed. {@code onTime}: completion was submitted on or before the due date in force
 * then; a closed task keeps it for good.
 */
@ChineseName("任务销号")
@Revision("1")
public record TaskClosedEvent(
        String taskId,
        String note,
        LocalDate closedOn,
        LocalDate dueDate,
        LocalDate completionSubmittedOn,
        boolean onTime) {}
