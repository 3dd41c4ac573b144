package cn.qinghai.ledger.events.task;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@ChineseName("延期申请")
@Revision("1")
public record ExtensionRequestedEvent(
        String taskId,
        String requestId,
        String unitCode,
        LocalDate currentDueDate,
        LocalDate newDueDate,
        String reason,
        LocalDate requestedOn) {}
