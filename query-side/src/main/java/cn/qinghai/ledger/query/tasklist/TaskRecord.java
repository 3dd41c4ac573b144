package cn.qinghai.ledger.query.tasklist;

import cn.qinghai.ledger.events.task.TaskSource;
import cn.qinghai.ledger.events.task.TaskStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A task as the tasks collection keeps it, for the read models that build on it (task list, unit
 * status board, decision register, circular): a typed document mapped by the driver's record codec
 * ({@link cn.qinghai.ledger.query.platform.ReadModelCodecs}), days as dates. Written only by
 * {@link TaskBatch}.
 *
 * <p>RAG is not stored: {@link RagPolicy} computes it; the task keeps the three dates a RAG filter selects
 * by ({@code redFrom}, {@code dueAtWork}, {@code reportSinceAtWork}, {@link RagPolicy#datesOf}). {@code units}
 * is the lead and the co-units, for the filter by unit. {@code pendingChange} is what the task's last move
 * changes in {@link TaskMoves} until it has been applied (null otherwise). {@code seq} is the sequence number
 * of the latest event of the task applied to this document (events that only add history, such as an
 * extension request, leave it alone).
 */
public record TaskRecord(
        @BsonId String taskId,
        String conferenceId,
        String title,
        TaskSource source,
        String leadUnitCode,
        List<String> coUnitCodes,
        List<String> units,
        LocalDate assignedOn,
        LocalDate acknowledgedOn,
        boolean acknowledgedWithFirstReport,
        LocalDate dueDate,
        LocalDate originalDueDate,
        TaskStatus status,
        OffsetDateTime lastReportAt,
        String lastReportUnit,
        Integer lastPercent,
        int urgings,
        OffsetDateTime lastUrgedAt,
        LocalDate completionSubmittedOn,
        LocalDate closedOn,
        Boolean onTime,
        String closeNote,
        boolean overdueRecorded,
        LocalDate redFrom,
        LocalDate dueAtWork,
        LocalDate reportSinceAtWork,
        PendingChange pendingChange,
        long seq) {

    /**
     * A change to {@link TaskMoves} not yet applied: the task's event {@code seq} that made it, the batch
     * that applies it ({@code by}), and the change itself, in the follower's own form.
     */
    public record PendingChange(long seq, String by, Document changes) {}

    public TaskRecord {
        coUnitCodes = coUnitCodes == null ? List.of() : coUnitCodes;
        units = units == null ? List.of() : units;
    }

    public boolean closed() {
        return status == TaskStatus.CLOSED;
    }

    /** This task with the change it leaves to {@link TaskMoves} (null: none). */
    TaskRecord withPendingChange(PendingChange change) {
        return new TaskDraft(this).record(seq, redFrom, dueAtWork, reportSinceAtWork, change);
    }
}
