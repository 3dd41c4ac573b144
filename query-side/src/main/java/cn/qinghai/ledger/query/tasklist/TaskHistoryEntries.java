package cn.qinghai.ledger.query.tasklist;

import static cn.qinghai.ledger.query.platform.MongoWrites.date;

import cn.qinghai.ledger.events.task.CompletionSubmittedEvent;
import cn.qinghai.ledger.events.task.DeadlineExtendedEvent;
import cn.qinghai.ledger.events.task.ExtensionDeniedEvent;
import cn.qinghai.ledger.events.task.ExtensionRequestedEvent;
import cn.qinghai.ledger.events.task.ProgressReportedEvent;
import cn.qinghai.ledger.events.task.TaskBecameOverdueEvent;
import cn.qinghai.ledger.events.task.TaskReturnedEvent;
import cn.qinghai.ledger.events.task.TaskSource;
import cn.qinghai.ledger.events.task.TaskUrgedEvent;
import java.util.List;
import org.bson.Document;

/**
 * What a task's history entry ({@link HistoryKind}) records of its event, as the task detail and the
 * circular read it; {@link TaskBatch} adds the task, the sequence number and the time. Also the task's
 * {@code source} as its document keeps it ({@link TaskRecord} reads it back).
 */
final class TaskHistoryEntries {

    private TaskHistoryEntries() {}

    static Document progress(ProgressReportedEvent e) {
        return new Document()
                .append("unitCode", e.unitCode())
                .append("percentComplete", e.percentComplete())
                .append("summary", e.summary());
    }

    static Document urged(TaskUrgedEvent e, String actor, String actorRole) {
        return new Document("note", e.note()).append("by", actor).append("byRole", actorRole);
    }

    static Document extensionRequested(ExtensionRequestedEvent e) {
        return new Document()
                .append("on", date(e.requestedOn()))
                .append("requestId", e.requestId())
                .append("unitCode", e.unitCode())
                .append("currentDueDate", date(e.currentDueDate()))
                .append("newDueDate", date(e.newDueDate()))
                .append("reason", e.reason());
    }

    static Document extensionGranted(DeadlineExtendedEvent e) {
        return new Document()
                .append("on", date(e.decidedOn()))
                .append("requestId", e.requestId())
                .append("previousDueDate", date(e.previousDueDate()))
                .append("newDueDate", date(e.newDueDate()))
                .append("note", e.note());
    }

    static Document extensionDenied(ExtensionDeniedEvent e) {
        return new Document()
                .append("on", date(e.decidedOn()))
                .append("requestId", e.requestId())
                .append("reason", e.reason());
    }

    static Document completion(CompletionSubmittedEvent e) {
        return new Document()
                .append("on", date(e.submittedOn()))
                .append("unitCode", e.unitCode())
                .append("summary", e.summary())
                .append("evidence", e.evidence() == null ? List.of() : e.evidence());
    }

    static Document returned(TaskReturnedEvent e) {
        return new Document().append("on", date(e.returnedOn())).append("reason", e.reason());
    }

    static Document overdue(TaskBecameOverdueEvent e) {
        return new Document().append("on", date(e.dueDate())).append("dueDate", date(e.dueDate()));
    }

    /** The task's source (meeting and matter, or a directive's reference) as the task document keeps it. */
    static Document source(TaskSource s) {
        return s == null
                ? null
                : new Document()
                        .append("kind", s.kind() == null ? null : s.kind().name())
                        .append("meetingId", s.meetingId())
                        .append("decisionId", s.decisionId())
                        .append("minutesDocumentNo", s.minutesDocumentNo())
                        .append("reference", s.reference());
    }
}
