package cn.qinghai.ledger.events.task;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The due date moves; the original due date is kept for the record. */
@ChineseName("延期同意")
@Revision("1")
public record DeadlineExtendedEvent(
        String taskId,
        String requestId,
        LocalDate originalDueDate,
        LocalDate previousDueDate,
        LocalDate newDueDate,
        String note,
        LocalDate decidedOn) {}
