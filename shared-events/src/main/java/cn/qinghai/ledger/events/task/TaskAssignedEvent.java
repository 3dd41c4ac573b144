package cn.qinghai.ledger.events.task;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

@ChineseName("任务交办")
@Revision("1")
public record TaskAssignedEvent(
        String taskId,
        String conferenceId,
        String title,
        String leadUnitCode,
        List<String> coUnitCodes,
        LocalDate dueDate,
        TaskSource source,
        LocalDate assignedOn) {}
