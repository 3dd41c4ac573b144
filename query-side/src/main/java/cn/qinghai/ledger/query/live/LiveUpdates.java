package cn.qinghai.ledger.query.live;

import cn.qinghai.ledger.events.reporting.ExpectedUnitAddedEvent;
import cn.qinghai.ledger.events.reporting.ReportingRoundClosedEvent;
import cn.qinghai.ledger.events.reporting.ReportingRoundOpenedEvent;
import cn.qinghai.ledger.events.reporting.WorkReportSubmittedEvent;
import cn.qinghai.ledger.events.reporting.WorkReportUrgedEvent;
import cn.qinghai.ledger.events.task.FindTasksQuery;
import cn.qinghai.ledger.events.task.FindUnitStatusBoardQuery;
import cn.qinghai.ledger.query.reporting.ReportingRoundProjection;
import cn.qinghai.ledger.query.roster.RosterProjection;
import cn.qinghai.ledger.query.tasklist.TaskProjection;
import cn.qinghai.ledger.query.tasklist.TaskReadModel;
import cn.qinghai.ledger.query.tasklist.TaskRecord;
import java.util.function.Consumer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The update side of the live read models: after the task projection (processing group
 * {@code tasks}), the roster projection ({@code roster}) or the reporting rounds ({@code reporting}, which
 * the board shows beside the units) has handled an event, the subscription
 * queries it may have changed get a {@link Change}: {@link FindTasksQuery} of the task's conference
 * and units, {@link FindUnitStatusBoardQuery} of its conference. RAG is computed at read time, so an
 * update carries no rows: it is a signal to read again ({@link LiveStreams} does).
 *
 * <p>Kept apart from the projections: a handler interceptor on their processors calls this after their
 * handlers, so the projections themselves are unchanged. Axon's emitter sends the update after the
 * processor's unit of work commits, that is after the projection's writes, so a re-read sees them.
 * Nothing is read or emitted while nobody is subscribed, and a failure here is logged, never allowed to
 * fail the projection.
 */
@Component
public class LiveUpdates {

    /** Something a live view shows changed: in conference {@code conferenceId}, the task or conference {@code id}. */
    public record Change(String conferenceId, String id) {}

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final ObjectProvider<QueryUpdateEmitter> emitters;
    private final TaskReadModel tasks;

    LiveUpdates(ObjectProvider<QueryUpdateEmitter> emitters, TaskReadModel tasks) {
        this.emitters = emitters;
        this.tasks = tasks;
    }

    @Autowired
    void emitAfterTheProjections(EventProcessingConfigurer processing) {
        processing.registerHandlerInterceptor(TaskProjection.GROUP, configuration -> after(this::taskChanged));
        processing.registerHandlerInterceptor(RosterProjection.GROUP, configuration -> after(this::rosterChanged));
        processing.registerHandlerInterceptor(
                ReportingRoundProjection.GROUP, configuration -> after(this::reportingChanged));
    }

    private static MessageHandlerInterceptor<EventMessage<?>> after(Consumer<EventMessage<?>> then) {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            try {
                then.accept(unitOfWork.getMessage());
            } catch (RuntimeException e) {
                log.warn(
                        "live update after {} not sent",
                        unitOfWork.getMessage().getPayloadType().getSimpleName(),
                        e);
            }
            return result;
        };
    }

    void taskChanged(EventMessage<?> event) {
        QueryUpdateEmitter emitter = emitters.getIfAvailable();
        if (emitter == null || !(event instanceof DomainEventMessage<?> domain)) {
            return;
        }
        boolean list = watched(emitter, FindTasksQuery.class);
        boolean board = watched(emitter, FindUnitStatusBoardQuery.class);
        if (!list && !board) {
            return;
        }
        TaskRecord task = tasks.find(domain.getAggregateIdentifier()).orElse(null);
        if (task == null) {
            return;
        }
        Change change = new Change(task.conferenceId(), task.taskId());
        if (list) {
            emitter.emit(
                    FindTasksQuery.class,
                    query -> sameConference(query.conferenceId(), task.conferenceId())
                            && (query.unitCode() == null
                                    || query.unitCode().equals(task.leadUnitCode())
                                    || task.coUnitCodes().contains(query.unitCode())),
                    change);
        }
        if (board) {
            emitter.emit(
                    FindUnitStatusBoardQuery.class,
                    query -> sameConference(query.conferenceId(), task.conferenceId()),
                    change);
        }
    }

    /** Members, liaisons, duties and units show on the unit status board. */
    void rosterChanged(EventMessage<?> event) {
        QueryUpdateEmitter emitter = emitters.getIfAvailable();
        if (emitter == null
                || !(event instanceof DomainEventMessage<?> domain)
                || !watched(emitter, FindUnitStatusBoardQuery.class)) {
            return;
        }
        String conferenceId = domain.getAggregateIdentifier();
        emitter.emit(
                FindUnitStatusBoardQuery.class,
                query -> sameConference(query.conferenceId(), conferenceId),
                new Change(conferenceId, conferenceId));
    }

    /** The board shows the latest open reporting round: who has not reported in it. */
    void reportingChanged(EventMessage<?> event) {
        QueryUpdateEmitter emitter = emitters.getIfAvailable();
        if (emitter == null
                || !(event instanceof DomainEventMessage<?> domain)
                || !watched(emitter, FindUnitStatusBoardQuery.class)) {
            return;
        }
        String conferenceId = conferenceOfRound(event.getPayload());
        if (conferenceId != null) {
            emitter.emit(
                    FindUnitStatusBoardQuery.class,
                    query -> sameConference(query.conferenceId(), conferenceId),
                    new Change(conferenceId, domain.getAggregateIdentifier()));
        }
    }

    private static String conferenceOfRound(Object payload) {
        if (payload instanceof ReportingRoundOpenedEvent e) {
            return e.conferenceId();
        } else if (payload instanceof WorkReportSubmittedEvent e) {
            return e.conferenceId();
        } else if (payload instanceof WorkReportUrgedEvent e) {
            return e.conferenceId();
        } else if (payload instanceof ExpectedUnitAddedEvent e) {
            return e.conferenceId();
        } else if (payload instanceof ReportingRoundClosedEvent e) {
            return e.conferenceId();
        }
        return null;
    }

    private static boolean watched(QueryUpdateEmitter emitter, Class<?> queryType) {
        return emitter.activeSubscriptions().stream().anyMatch(s -> queryType.isInstance(s.getPayload()));
    }

    /** A query for every conference (null) or for this one. */
    private static boolean sameConference(String asked, String conferenceId) {
        return asked == null || asked.equals(conferenceId);
    }
}
