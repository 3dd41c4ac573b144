package cn.qinghai.ledger.events.task;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

@ChineseName("办结报告提交")
@Revision("1")
public record CompletionSubmittedEvent(
        String taskId, String unitCode, String summary, List<String> evidence, LocalDate submittedOn) {}
