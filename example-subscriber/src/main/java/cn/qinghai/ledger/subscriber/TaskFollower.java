package cn.qinghai.ledger.subscriber;

import cn.qinghai.ledger.events.task.DeadlineExtendedEvent;
import cn.qinghai.ledger.events.task.TaskAssignedEvent;
import cn.qinghai.ledger.events.task.TaskBecameOverdueEvent;
import cn.qinghai.ledger.events.task.TaskClosedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Follows the ledger's supervised tasks (督办事项): logs each assignment and keeps, per unit, the tasks
 * that became overdue (a {@link TaskBecameOverdueEvent} is the ledger's fact of lateness) until they are
 * closed or their due date is extended. Events are the ledger's own classes from {@code shared-events}.
 *
 * <p>Processing group {@value #GROUP}: a tracking processor (see {@code example-subscriber.yml}) that
 * starts at the first event of the store, so a new subscriber catches up with the whole history first.
 */
@Component
@ProcessingGroup(TaskFollower.GROUP)
class TaskFollower {

    static final String GROUP = "example-subscriber";

    private static final Logger log = LoggerFactory.getLogger(TaskFollower.class);

    private final OverdueBoard board;

    TaskFollower(OverdueBoard board) {
        this.board = board;
    }

    @EventHandler
    void on(TaskAssignedEvent e) {
        log.info(
                "task {} assigned to {} in {}, due {}: {}",
                e.taskId(),
                e.leadUnitCode(),
                e.conferenceId(),
                e.dueDate(),
                e.title());
        board.assigned(e.taskId(), e.conferenceId(), e.leadUnitCode(), e.title(), e.dueDate());
    }

    @EventHandler
    void on(TaskBecameOverdueEvent e) {
        log.info("task {} of {} is overdue (due {})", e.taskId(), e.leadUnitCode(), e.dueDate());
        board.overdue(e.taskId(), e.conferenceId(), e.leadUnitCode(), e.dueDate());
    }

    @EventHandler
    void on(DeadlineExtendedEvent e) {
        board.dueDateMoved(e.taskId(), e.newDueDate());
        board.noLongerOverdue(e.taskId());
    }

    @EventHandler
    void on(TaskClosedEvent e) {
        board.noLongerOverdue(e.taskId());
    }

    /** Every event of the ledger, counted by type (a separate component: Axon calls one handler per class). */
    @Component
    @ProcessingGroup(TaskFollower.GROUP)
    static class EventTally {

        private final OverdueBoard board;

        EventTally(OverdueBoard board) {
            this.board = board;
        }

        @EventHandler
        void on(Object event, EventMessage<?> message) {
            board.seen(message.getPayloadType().getName());
        }
    }
}
