package cn.qinghai.ledger.command.task;

import cn.qinghai.ledger.events.task.CompletionSubmittedEvent;
import cn.qinghai.ledger.events.task.DeadlineExtendedEvent;
import cn.qinghai.ledger.events.task.ExtensionDeniedEvent;
import cn.qinghai.ledger.events.task.ExtensionRequestedEvent;
import cn.qinghai.ledger.events.task.ProgressReportedEvent;
import cn.qinghai.ledger.events.task.TaskAcknowledgedEvent;
import cn.qinghai.ledger.events.task.TaskAcknowledgedWithFirstReportEvent;
import cn.qinghai.ledger.events.task.TaskClosedEvent;
import cn.qinghai.ledger.events.task.TaskReturnedEvent;
import cn.qinghai.ledger.events.task.TaskUrgedEvent;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Which changes, made since the version a client read ({@code If-Match}), make its command on a task a
 * conflict (409): the changes its decision depended on, and no others. A unit answering a report form
 * need not know that the office urged meanwhile; the office closing a task must know of a completion
 * submitted meanwhile. Status changes (completion submitted, returned, closed) conflict with every
 * command. The table is in docs/optimistic-locking.md and checked by OptimisticLockingTest.
 */
final class TaskConflicts {

    /** The task's status moved: completion submitted, returned for more work (退回重办) or closed (销号). */
    static final Set<Class<?>> STATUS =
            Set.of(CompletionSubmittedEvent.class, TaskReturnedEvent.class, TaskClosedEvent.class);

    static final Predicate<List<DomainEventMessage<?>>> ACKNOWLEDGE =
            any(TaskAcknowledgedEvent.class, TaskAcknowledgedWithFirstReportEvent.class);
    static final Predicate<List<DomainEventMessage<?>>> URGE =
            any(TaskUrgedEvent.class, ProgressReportedEvent.class, DeadlineExtendedEvent.class);
    static final Predicate<List<DomainEventMessage<?>>> REQUEST_EXTENSION =
            any(ExtensionRequestedEvent.class, DeadlineExtendedEvent.class, ExtensionDeniedEvent.class);
    static final Predicate<List<DomainEventMessage<?>>> DECIDE_EXTENSION = REQUEST_EXTENSION;
    static final Predicate<List<DomainEventMessage<?>>> SUBMIT_COMPLETION = any();
    static final Predicate<List<DomainEventMessage<?>>> CLOSE_OR_RETURN =
            any(ProgressReportedEvent.class, ExtensionRequestedEvent.class, DeadlineExtendedEvent.class);

    private TaskConflicts() {}

    /** A report conflicts with a status change and with another report of the same unit. */
    static Predicate<List<DomainEventMessage<?>>> reportBy(String unitCode) {
        return events -> any().test(events)
                || events.stream()
                        .anyMatch(e -> e.getPayload() instanceof ProgressReportedEvent r
                                && r.unitCode().equals(unitCode));
    }

    /** Conflicts with a status change or with any event of {@code types}. */
    private static Predicate<List<DomainEventMessage<?>>> any(Class<?>... types) {
        Set<Class<?>> conflicting = new java.util.HashSet<>(STATUS);
        conflicting.addAll(List.of(types));
        return events -> events.stream().anyMatch(e -> conflicting.contains(e.getPayloadType()));
    }
}
