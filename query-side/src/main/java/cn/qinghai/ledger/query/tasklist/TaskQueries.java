package cn.qinghai.ledger.query.tasklist;

import static com.mongodb.client.model.Filters.and;

import cn.qinghai.ledger.events.task.*;
import cn.qinghai.ledger.query.roster.UnitDirectory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/** The query handlers of the task list and task detail (see {@link TaskProjection}), RAG computed here. */
@Component
public class TaskQueries {

    private final TaskReadModel tasks;
    private final RagPolicy rag;
    private final UnitDirectory units;

    public TaskQueries(TaskReadModel tasks, RagPolicy rag, UnitDirectory units) {
        this.tasks = tasks;
        this.rag = rag;
        this.units = units;
    }

    /** Every filter in MongoDB, the page cut there too: RAG through the dates each task keeps ({@link RagPolicy#filter}), for today. */
    @QueryHandler
    public TaskList handle(FindTasksQuery query) {
        Bson filter = TaskReadModel.filter(query.conferenceId(), query.unitCode(), query.status(), query.dueBefore());
        UnitDirectory.UnitNames names = units.names(query.conferenceId());
        int skip = Math.multiplyExact(query.page(), query.size());
        LocalDate today = rag.today();
        if (query.rag() != null) {
            filter = and(filter, rag.filter(query.rag(), today));
        }
        List<TaskRow> rows = tasks.find(filter, skip, query.size()).stream()
                .map(t -> row(t, names, today))
                .toList();
        return new TaskList(rows, tasks.count(filter));
    }

    @QueryHandler
    public Optional<TaskView> handle(FindTaskQuery query) {
        return tasks.find(query.taskId()).map(this::view);
    }

    private TaskRow row(TaskRecord t, UnitDirectory.UnitNames names, LocalDate today) {
        RagPolicy.Assessment a = rag.assess(t, today);
        TaskSource s = t.source();
        return new TaskRow(
                t.taskId(),
                t.conferenceId(),
                t.title(),
                s == null ? null : s.kind(),
                s == null ? null : s.meetingId(),
                s == null ? null : s.decisionId(),
                t.leadUnitCode(),
                names.of(t.conferenceId(), t.leadUnitCode()),
                t.coUnitCodes(),
                t.dueDate(),
                t.originalDueDate(),
                t.status(),
                a.rag(),
                a.reason(),
                a.overdue(),
                t.onTime(),
                t.lastPercent(),
                t.lastReportAt(),
                t.urgings());
    }

    private TaskView view(TaskRecord t) {
        UnitDirectory.UnitNames names = units.names(t.conferenceId());
        String cid = t.conferenceId();
        List<TaskView.Progress> progress = new ArrayList<>();
        List<TaskView.Urging> urgings = new ArrayList<>();
        Map<String, TaskView.Extension> extensions = new LinkedHashMap<>();
        List<TaskView.Return> returns = new ArrayList<>();
        TaskView.Completion completion = null;
        long version = t.seq();
        for (TaskHistoryEntry h : tasks.history(t)) {
            version = Math.max(version, h.seq());
            switch (h.kind()) {
                case PROGRESS ->
                    progress.add(new TaskView.Progress(
                            h.progress().unitCode(),
                            names.of(cid, h.progress().unitCode()),
                            h.progress().percentComplete(),
                            h.progress().summary(),
                            h.at()));
                case URGED ->
                    urgings.add(new TaskView.Urging(
                            h.urging().note(),
                            h.at(),
                            h.urging().by(),
                            h.urging().byRole()));
                case EXTENSION_REQUESTED -> {
                    TaskHistoryEntry.ExtensionRequest r = h.extensionRequested();
                    extensions.put(
                            r.requestId(),
                            new TaskView.Extension(
                                    r.requestId(),
                                    r.unitCode(),
                                    r.currentDueDate(),
                                    r.newDueDate(),
                                    r.reason(),
                                    h.on(),
                                    ExtensionState.PENDING,
                                    null,
                                    null));
                }
                case EXTENSION_GRANTED ->
                    extensions.computeIfPresent(
                            h.extensionGranted().requestId(),
                            (id, x) -> decided(
                                    x,
                                    ExtensionState.GRANTED,
                                    h.extensionGranted().note(),
                                    h.on()));
                case EXTENSION_DENIED ->
                    extensions.computeIfPresent(
                            h.extensionDenied().requestId(),
                            (id, x) -> decided(
                                    x,
                                    ExtensionState.DENIED,
                                    h.extensionDenied().reason(),
                                    h.on()));
                case COMPLETION ->
                    completion = new TaskView.Completion(
                            h.completion().unitCode(),
                            h.completion().summary(),
                            h.completion().evidence(),
                            h.on());
                case RETURNED -> {
                    returns.add(new TaskView.Return(h.returned().reason(), h.on()));
                    completion = null;
                }
                case OVERDUE -> {
                    // lateness shows as the overdue flag and RAG
                }
            }
        }
        Map<String, TaskView.UnitPercent> latest = new LinkedHashMap<>();
        latest.put(t.leadUnitCode(), null);
        t.coUnitCodes().forEach(code -> latest.put(code, null));
        for (TaskView.Progress p : progress) {
            latest.put(
                    p.unitCode(),
                    new TaskView.UnitPercent(p.unitCode(), p.unitName(), p.percentComplete(), p.reportedAt()));
        }
        RagPolicy.Assessment a = rag.assess(t);
        return new TaskView(
                t.taskId(),
                cid,
                t.title(),
                t.source(),
                new TaskView.Unit(t.leadUnitCode(), names.of(cid, t.leadUnitCode())),
                t.coUnitCodes().stream()
                        .map(code -> new TaskView.Unit(code, names.of(cid, code)))
                        .toList(),
                t.assignedOn(),
                t.acknowledgedOn(),
                t.acknowledgedWithFirstReport(),
                t.dueDate(),
                t.originalDueDate(),
                t.status(),
                a.rag(),
                a.reason(),
                a.overdue(),
                latest.values().stream().filter(java.util.Objects::nonNull).toList(),
                progress,
                urgings,
                List.copyOf(extensions.values()),
                completion,
                returns,
                t.closed()
                        ? new TaskView.Closure(
                                t.closedOn(), t.closeNote(), t.completionSubmittedOn(), Boolean.TRUE.equals(t.onTime()))
                        : null,
                version,
                rag.calendar().uncoveredYears(t.assignedOn(), t.dueDate()));
    }

    private static TaskView.Extension decided(
            TaskView.Extension x, ExtensionState state, String note, java.time.LocalDate on) {
        return new TaskView.Extension(
                x.requestId(),
                x.unitCode(),
                x.currentDueDate(),
                x.newDueDate(),
                x.reason(),
                x.requestedOn(),
                state,
                note,
                on);
    }
}
