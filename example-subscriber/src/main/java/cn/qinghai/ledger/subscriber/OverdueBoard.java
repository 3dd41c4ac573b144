package cn.qinghai.ledger.subscriber;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * This service's read model, in its own schema {@code example_subscriber}: the tasks assigned, the
 * tasks now overdue (逾期) and how many events of each type it has seen. Every write is an upsert or
 * a delete by key, so a redelivered event changes nothing; they commit with the processor's token.
 */
@Component
public class OverdueBoard {

    /** Overdue tasks led by one unit of one conference. */
    public record UnitOverdue(String conferenceId, String unitCode, long overdue) {}

    /** A task as assigned. */
    public record Assignment(
            String taskId, String conferenceId, String leadUnitCode, String title, LocalDate dueDate) {}

    private final JdbcTemplate jdbc;

    OverdueBoard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void assigned(String taskId, String conferenceId, String leadUnitCode, String title, LocalDate dueDate) {
        jdbc.update("""
                insert into example_subscriber.assigned_task (task_id, conference_id, lead_unit_code, title, due_date)
                values (?, ?, ?, ?, ?)
                on conflict (task_id) do update set lead_unit_code = excluded.lead_unit_code, title = excluded.title,
                  due_date = excluded.due_date""", taskId, conferenceId, leadUnitCode, title, dueDate);
    }

    void dueDateMoved(String taskId, LocalDate dueDate) {
        jdbc.update("update example_subscriber.assigned_task set due_date = ? where task_id = ?", dueDate, taskId);
    }

    void overdue(String taskId, String conferenceId, String unitCode, LocalDate dueDate) {
        jdbc.update("""
                insert into example_subscriber.overdue_task (task_id, conference_id, unit_code, due_date)
                values (?, ?, ?, ?) on conflict (task_id) do nothing""", taskId, conferenceId, unitCode, dueDate);
    }

    void noLongerOverdue(String taskId) {
        jdbc.update("delete from example_subscriber.overdue_task where task_id = ?", taskId);
    }

    void seen(String eventType) {
        jdbc.update("""
                insert into example_subscriber.event_tally (event_type, events) values (?, 1)
                on conflict (event_type) do update set events = example_subscriber.event_tally.events + 1""", eventType);
    }

    /** Overdue tasks per unit, the units with the most first. */
    public List<UnitOverdue> overdueByUnit() {
        return jdbc.query("""
                select conference_id, unit_code, count(*) as overdue from example_subscriber.overdue_task
                group by conference_id, unit_code order by overdue desc, conference_id, unit_code""", (r, i) -> new UnitOverdue(r.getString(1), r.getString(2), r.getLong(3)));
    }

    public List<Assignment> assignments() {
        return jdbc.query(
                """
                select task_id, conference_id, lead_unit_code, title, due_date from example_subscriber.assigned_task
                order by task_id""",
                (r, i) -> new Assignment(
                        r.getString(1),
                        r.getString(2),
                        r.getString(3),
                        r.getString(4),
                        r.getObject(5, LocalDate.class)));
    }

    /** How many events this service has handled, of every type. */
    public long eventsSeen() {
        Long seen =
                jdbc.queryForObject("select coalesce(sum(events), 0) from example_subscriber.event_tally", Long.class);
        return seen == null ? 0 : seen;
    }
}
