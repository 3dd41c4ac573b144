package cn.qinghai.ledger.events.task;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The due date passed without a completion submitted: lateness as a fact in the log. */
@ChineseName("任务逾期")
@Revision("1")
public record TaskBecameOverdueEvent(String taskId, String conferenceId, String leadUnitCode, LocalDate dueDate) {}
