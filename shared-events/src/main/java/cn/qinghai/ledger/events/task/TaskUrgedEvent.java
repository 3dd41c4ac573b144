package cn.qinghai.ledger.events.task;

import cn.qinghai.ledger.events.ChineseName;
import java.time.OffsetDateTime;
import org.axonframework.serialization.Revision;

@ChineseName("任务催办")
@Revision("1")
public record TaskUrgedEvent(String taskId, String note, OffsetDateTime urgedAt) {}
