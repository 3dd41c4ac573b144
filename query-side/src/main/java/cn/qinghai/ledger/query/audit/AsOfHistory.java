package cn.qinghai.ledger.query.audit;

import cn.qinghai.ledger.events.task.FindTaskQuery;
import cn.qinghai.ledger.events.task.FindUnitStatusBoardQuery;
import cn.qinghai.ledger.events.task.TaskView;
import cn.qinghai.ledger.events.task.UnitStatusList;
import cn.qinghai.ledger.platform.calendar.WorkingCalendar;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelStore;
import cn.qinghai.ledger.query.roster.RosterQueries;
import cn.qinghai.ledger.query.roster.UnitDirectory;
import cn.qinghai.ledger.query.tasklist.RagPolicy;
import cn.qinghai.ledger.query.tasklist.SupervisionProperties;
import cn.qinghai.ledger.query.tasklist.TaskMoves;
import cn.qinghai.ledger.query.tasklist.TaskProjection;
import cn.qinghai.ledger.query.tasklist.TaskQueries;
import cn.qinghai.ledger.query.tasklist.TaskReadModel;
import cn.qinghai.ledger.query.unitstatus.UnitStatusQueries;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * "What did the record say then?" for tasks: the events are read from the event store up to the
 * instant asked for and projected, with the task list's own projection, into a scratch copy that is
 * dropped afterwards; RAG is judged on that day. A task as of an instant replays that task's own
 * events; the unit status board as of a date replays every task event up to the end of that day
 * (the units' names and duties are today's).
 */
@Component
public class AsOfHistory {

    private final EventStore eventStore;
    private final MongoDatabase db;
    private final WorkingCalendar calendar;
    private final SupervisionProperties supervision;
    private final UnitDirectory units;
    private final RosterQueries roster;
    private final ZoneId zone;
    private final ReadModelStore store;
    private final TaskMoves taskMoves;

    AsOfHistory(
            EventStore eventStore,
            MongoDatabase readModelDatabase,
            Clock clock,
            WorkingCalendar calendar,
            SupervisionProperties supervision,
            UnitDirectory units,
            RosterQueries roster,
            ReadModelStore store,
            TaskMoves taskMoves) {
        this.eventStore = eventStore;
        this.taskMoves = taskMoves;
        this.db = readModelDatabase;
        this.store = store;
        this.calendar = calendar;
        this.supervision = supervision;
        this.units = units;
        this.roster = roster;
        this.zone = clock.getZone();
    }

    /** The task's whole state (history, status, RAG) as it stood at {@code asOf}; empty if it did not exist yet. */
    public Optional<TaskView> task(String taskId, Instant asOf) {
        List<? extends DomainEventMessage<?>> events = eventStore
                .readEvents(taskId)
                .asStream()
                .filter(e -> !e.getTimestamp().isAfter(asOf))
                .toList();
        if (events.isEmpty()) {
            return Optional.empty();
        }
        return inScratch(
                asOf,
                projection -> {
                    events.forEach(projection);
                    return null;
                },
                read -> read.taskQueries().handle(new FindTaskQuery(taskId)));
    }

    /** The unit status board at the end of {@code date}. */
    public UnitStatusList board(String conferenceId, LocalDate date) {
        Instant asOf = date.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
        return inScratch(
                asOf,
                projection -> {
                    try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
                        while (stream.hasNextAvailable()) {
                            TrackedEventMessage<?> event = stream.nextAvailable();
                            if (event.getTimestamp().isAfter(asOf)) {
                                break; // global order follows time closely enough for a day's boundary
                            }
                            projection.accept(event);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while reading the event store", e);
                    }
                    return null;
                },
                read -> read.boardQueries().handle(new FindUnitStatusBoardQuery(conferenceId, true)));
    }

    private record Readers(TaskQueries taskQueries, UnitStatusQueries boardQueries) {}

    private <T> T inScratch(
            Instant asOf,
            Function<java.util.function.Consumer<EventMessage<?>>, Void> feed,
            Function<Readers, T> read) {
        String prefix = "asof_" + UUID.randomUUID().toString().replace("-", "") + "_";
        // The store's capabilities: scratch collections a crash leaves behind cost the in-process server
        // nothing on its next start.
        ReadModelCollections scratch = ReadModelCollections.of(name -> db.getCollection(prefix + name), store);
        Clock then = Clock.fixed(asOf, zone);
        try {
            AnnotationEventHandlerAdapter handlers =
                    new AnnotationEventHandlerAdapter(new TaskProjection(scratch, then, taskMoves));
            feed.apply(event -> {
                try {
                    if (handlers.canHandle(event)) {
                        handlers.handle(event);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(
                            "cannot replay " + event.getPayloadType().getSimpleName(), e);
                }
            });
            TaskReadModel readModel = new TaskReadModel(scratch, then.getZone());
            RagPolicy rag = new RagPolicy(then, calendar, supervision);
            return read.apply(
                    new Readers(new TaskQueries(readModel, rag, units), new UnitStatusQueries(roster, readModel, rag)));
        } finally {
            for (String name : db.listCollectionNames()) {
                if (name.startsWith(prefix)) {
                    db.getCollection(name).drop();
                }
            }
        }
    }
}
