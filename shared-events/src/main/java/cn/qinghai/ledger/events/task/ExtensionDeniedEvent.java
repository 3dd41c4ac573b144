package cn.qinghai.ledger.events.task;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@ChineseName("延期不同意")
@Revision("1")
public record ExtensionDeniedEvent(String taskId, String requestId, String reason, LocalDate decidedOn) {}
