package cn.qinghai.ledger.query.tasklist;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One entry of a task's history (进展, 催办, 延期, 办结, 退回, 逾期), as the {@code task_history} collection
 * keeps it: a typed document (the driver's record codec), {@code _id} {@code taskId/seq}, so there is one per event. The
 * envelope says whose and when: the task, its event's sequence number, the task's conference and lead unit
 * (for the circular's counts), the moment ({@code at}, for a report or an urging) and the day ({@code on}:
 * that moment's date in the conference's zone, or the day the event names). What the event says is in the one
 * component of its {@link #kind}: {@code progress}, {@code urging}, ... (the others are absent).
 */
public record TaskHistoryEntry(
        @BsonId String id,
        String taskId,
        long seq,
        HistoryKind kind,
        String conferenceId,
        String leadUnitCode,
        OffsetDateTime at,
        LocalDate on,
        Progress progress,
        Urging urging,
        ExtensionRequest extensionRequested,
        ExtensionGranted extensionGranted,
        ExtensionDenied extensionDenied,
        Completion completion,
        Returned returned,
        Overdue overdue) {

    /** What one kind of entry records of its event. */
    public sealed interface What
            permits Progress,
                    Urging,
                    ExtensionRequest,
                    ExtensionGranted,
                    ExtensionDenied,
                    Completion,
                    Returned,
                    Overdue {

        HistoryKind kind();
    }

    /** 进展: the reporting unit's percentage and summary. */
    public record Progress(String unitCode, int percentComplete, String summary) implements What {
        public HistoryKind kind() {
            return HistoryKind.PROGRESS;
        }
    }

    /** 催办: the note, and who urged (account and role, from the command's metadata). */
    public record Urging(String note, String by, String byRole) implements What {
        public HistoryKind kind() {
            return HistoryKind.URGED;
        }
    }

    /** 延期 asked: by which unit, from which due date to which, why. */
    public record ExtensionRequest(
            String requestId, String unitCode, LocalDate currentDueDate, LocalDate newDueDate, String reason)
            implements What {
        public HistoryKind kind() {
            return HistoryKind.EXTENSION_REQUESTED;
        }
    }

    /** 延期 granted: the request, the due dates before and after, the office's note. */
    public record ExtensionGranted(String requestId, LocalDate previousDueDate, LocalDate newDueDate, String note)
            implements What {
        public HistoryKind kind() {
            return HistoryKind.EXTENSION_GRANTED;
        }
    }

    /** 延期 denied: the request and why. */
    public record ExtensionDenied(String requestId, String reason) implements What {
        public HistoryKind kind() {
            return HistoryKind.EXTENSION_DENIED;
        }
    }

    /** 办结 submitted: by which unit, its summary and evidence. */
    public record Completion(String unitCode, String summary, List<String> evidence) implements What {
        public Completion {
            evidence = evidence == null ? List.of() : evidence;
        }

        public HistoryKind kind() {
            return HistoryKind.COMPLETION;
        }
    }

    /** 退回: why the completion went back. */
    public record Returned(String reason) implements What {
        public HistoryKind kind() {
            return HistoryKind.RETURNED;
        }
    }

    /** 逾期: the due date that passed. */
    public record Overdue(LocalDate dueDate) implements What {
        public HistoryKind kind() {
            return HistoryKind.OVERDUE;
        }
    }

    /** The entry of event {@code seq} of {@code task} (null when the task is not known), saying {@code what}. */
    static TaskHistoryEntry of(String taskId, long seq, TaskRecord task, OffsetDateTime at, LocalDate on, What what) {
        return new TaskHistoryEntry(
                taskId + "/" + seq,
                taskId,
                seq,
                what.kind(),
                task == null ? null : task.conferenceId(),
                task == null ? null : task.leadUnitCode(),
                at,
                on,
                what instanceof Progress p ? p : null,
                what instanceof Urging u ? u : null,
                what instanceof ExtensionRequest r ? r : null,
                what instanceof ExtensionGranted g ? g : null,
                what instanceof ExtensionDenied d ? d : null,
                what instanceof Completion c ? c : null,
                what instanceof Returned r ? r : null,
                what instanceof Overdue o ? o : null);
    }

    /** The unit that acted: the reporting, requesting or completing unit; null for the office's entries. */
    public String unitCode() {
        return progress != null
                ? progress.unitCode()
                : extensionRequested != null
                        ? extensionRequested.unitCode()
                        : completion != null ? completion.unitCode() : null;
    }
}
