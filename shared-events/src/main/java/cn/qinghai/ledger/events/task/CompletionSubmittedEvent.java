package cn.qinghai.ledger.events.task;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CompletionSubmittedEvent(
        String taskId,
        String unitCode,
        String summary,
        List<String> evidence,
        LocalDate submittedOn) {
}
