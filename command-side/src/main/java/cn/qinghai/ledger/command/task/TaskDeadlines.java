package cn.qinghai.ledger.command.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a task becomes overdue: at the end of its due date in the conference's time zone. Handed to
 * the Task aggregate as a handler parameter, so the aggregate holds no clock or zone of its own.
 */
@Component
public class TaskDeadlines {

    public static final String OVERDUE = "task-overdue";

    private final ZoneId zone;

    public TaskDeadlines(@Value("${ledger.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.zone = zone;
    }

    public Instant overdueAt(LocalDate dueDate) {
        return dueDate.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
