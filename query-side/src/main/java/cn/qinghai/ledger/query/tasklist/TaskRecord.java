package cn.qinghai.ledger.query.tasklist;

import static cn.qinghai.ledger.query.platform.MongoWrites.date;

import cn.qinghai.ledger.events.task.TaskSource;
import cn.qinghai.ledger.events.task.TaskStatus;
import cn.qinghai.ledger.query.platform.MongoWrites;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.bson.Document;

/**
 * A task as the tasks collection keeps it, for the read models that build on it (task list, unit
 * status board, decision register, circular). RAG is not stored: {@link RagPolicy} computes it.
 * {@code seq} is the sequence number of the latest event of the task applied to this document (events
 * that only add history, such as an extension request, leave it alone).
 */
public record TaskRecord(
        String taskId,
        String conferenceId,
        String title,
        TaskSource source,
        String leadUnitCode,
        List<String> coUnitCodes,
        LocalDate assignedOn,
        LocalDate acknowledgedOn,
        boolean acknowledgedWithFirstReport,
        LocalDate dueDate,
        LocalDate originalDueDate,
        TaskStatus status,
        OffsetDateTime lastReportAt,
        Integer lastPercent,
        int urgings,
        LocalDate completionSubmittedOn,
        LocalDate closedOn,
        Boolean onTime,
        String closeNote,
        boolean overdueRecorded,
        long seq) {

    public boolean closed() {
        return status == TaskStatus.CLOSED;
    }

    static TaskRecord of(Document d) {
        Document s = d.get("source", Document.class);
        TaskSource source = s == null
                ? null
                : new TaskSource(
                        s.getString("kind") == null ? null : TaskSource.Kind.valueOf(s.getString("kind")),
                        s.getString("meetingId"),
                        s.getString("decisionId"),
                        s.getString("minutesDocumentNo"),
                        s.getString("reference"));
        String status = d.getString("status");
        String lastReportAt = d.getString("lastReportAt");
        List<String> coUnits = d.getList("coUnitCodes", String.class);
        return new TaskRecord(
                d.getString("_id"),
                d.getString("conferenceId"),
                d.getString("title"),
                source,
                d.getString("leadUnitCode"),
                coUnits == null ? List.of() : coUnits,
                date(d, "assignedOn"),
                date(d, "acknowledgedOn"),
                d.getBoolean("acknowledgedWithFirstReport", false),
                date(d, "dueDate"),
                date(d, "originalDueDate"),
                status == null ? null : TaskStatus.valueOf(status),
                lastReportAt == null ? null : OffsetDateTime.parse(lastReportAt),
                d.getInteger("lastPercent"),
                d.getInteger("urgings", 0),
                date(d, "completionSubmittedOn"),
                date(d, "closedOn"),
                d.getBoolean("onTime"),
                d.getString("closeNote"),
                d.getBoolean("overdueRecorded", false),
                d.get(MongoWrites.SEQ) instanceof Number n ? n.longValue() : -1);
    }
}
