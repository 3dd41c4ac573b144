package cn.qinghai.ledger.events.task;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Back to IN_PROGRESS; from now on progress may be reported lower than before. */
@ChineseName("任务退回重办")
@Revision("1")
public record TaskReturnedEvent(String taskId, String reason, LocalDate returnedOn) {}
