package cn.qinghai.ledger.query.audit;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/audit/verify} found, comparing the event store (read again from its first
 * event) with the audit trail and, when given, with a checkpoint kept outside the ledger.
 *
 * @param ok                true when nothing disagrees and the checkpoint, if any, matches
 * @param eventsChecked     stored events read and hashed
 * @param storeHead         position of the last stored event when the check began (null: empty store)
 * @param recordedHead      position of the last event the trail had recorded when the check began
 * @param notYetRecorded    stored events after {@code recordedHead}: the trail has not reached them yet
 * @param headHash          the chain's link at the store's last event, recomputed from the store
 * @param firstDiscrepancy  the lowest position where store and trail disagree, or null
 * @param discrepancyCount  how many disagreements in all ({@code discrepancies} lists the first 100)
 * @param checkpoint        the checkpoint's result, or null when none was given
 * @param withdrawals       entries the trail withdrew because their events were gone from the event store
 *                          (it went back to an earlier state); not tampering, and not counted above
 */
public record VerificationReport(
        boolean ok,
        Instant verifiedAt,
        long eventsChecked,
        Long storeHead,
        Long recordedHead,
        long notYetRecorded,
        String headHash,
        Discrepancy firstDiscrepancy,
        long discrepancyCount,
        List<Discrepancy> discrepancies,
        CheckpointCheck checkpoint,
        List<AuditTrail.Withdrawal> withdrawals) {

    /** The same report with the trail's withdrawals. */
    VerificationReport withWithdrawals(List<AuditTrail.Withdrawal> recorded) {
        return new VerificationReport(
                ok,
                verifiedAt,
                eventsChecked,
                storeHead,
                recordedHead,
                notYetRecorded,
                headHash,
                firstDiscrepancy,
                discrepancyCount,
                discrepancies,
                checkpoint,
                List.copyOf(recorded));
    }

    /** How a stored event and the trail disagree. */
    public enum Kind {
        /** The stored event differs from the one the trail recorded at its position. */
        ALTERED,
        /** The trail recorded an event at this position; the store no longer has it. */
        DELETED,
        /** The store has an event the trail never recorded, below events it did record. */
        INSERTED,
        /** The trail's entry was edited: its fields or digest no longer match its own chain or the store. */
        RECORD_ALTERED,
        /** The trail's link differs from the chain recomputed from the store, with no other cause found. */
        CHAIN_BROKEN
    }

    public record Discrepancy(long position, Kind kind, String eventId, String detail) {}

    /**
     * A kept checkpoint against the chain recomputed from the store: {@code actualHash} is the link of
     * the last stored event at or before {@code position}.
     */
    public record CheckpointCheck(
            long position, String expectedHash, String actualHash, boolean matches, String detail) {}
}
