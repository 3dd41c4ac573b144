package cn.qinghai.ledger.events.task;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@ChineseName("任务签收")
@Revision("1")
public record TaskAcknowledgedEvent(String taskId, String unitCode, LocalDate acknowledgedOn) {}
