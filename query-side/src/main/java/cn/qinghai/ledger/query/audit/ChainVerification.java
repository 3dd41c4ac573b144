package cn.qinghai.ledger.query.audit;

import cn.qinghai.ledger.query.audit.VerificationReport.CheckpointCheck;
import cn.qinghai.ledger.query.audit.VerificationReport.Discrepancy;
import cn.qinghai.ledger.query.audit.VerificationReport.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.bson.Document;

/**
 * The comparison behind {@code /api/audit/verify}: a merge of the stored events (ascending position)
 * with the trail's entries (ascending position), recomputing the chain from the store as it goes.
 * For each position:
 * <ul>
 *   <li>both have it: the event's digest must equal the recorded digest (else {@link Kind#ALTERED}, or
 *       {@link Kind#RECORD_ALTERED} when the recorded entry no longer chains to its predecessor, i.e.
 *       the trail was edited); the entry's fields must be those the event gives
 *       ({@link Kind#RECORD_ALTERED}); the recorded link must equal the recomputed one (the first
 *       mismatch with no other cause is {@link Kind#CHAIN_BROKEN}; after an earlier discrepancy links
 *       differ as a consequence and are not reported again);</li>
 *   <li>only the trail has it: {@link Kind#DELETED};</li>
 *   <li>only the store has it: {@link Kind#INSERTED} below the trail's head, else not yet recorded.</li>
 * </ul>
 * A checkpoint matches when the recomputed link at its position equals the kept hash.
 */
final class ChainVerification {

    static final int LISTED = 100;

    /** A stored event as read for verification: its canonical form, or why it could not be read. */
    record StoredEvent(long position, String eventId, CanonicalEvent event, String unreadable) {

        static StoredEvent of(CanonicalEvent event) {
            return new StoredEvent(event.position(), event.eventIdentifier(), event, null);
        }
    }

    /** A checkpoint to check: the kept link at a position. */
    record KeptCheckpoint(long position, String hash) {}

    private final Long recordedHead;
    private final KeptCheckpoint checkpoint;
    private final List<Discrepancy> listed = new ArrayList<>();
    private final TreeSet<Long> discrepantPositions = new TreeSet<>();
    private Discrepancy first;
    private long count;
    private long checked;
    private long notYetRecorded;
    private byte[] storeLink = AuditChain.GENESIS;
    private byte[] recordedLink = AuditChain.GENESIS;
    private boolean storeChainKnown = true;
    private byte[] linkAtCheckpoint = AuditChain.GENESIS;
    private boolean checkpointChainKnown = true;
    private Long lastStorePosition;
    /** Whether the recorded and recomputed links agreed at the last position both have. */
    private boolean linksAgreed = true;
    /** Whether a deletion or insertion since that position explains links that now disagree. */
    private boolean explainedSinceLastMatch;

    ChainVerification(Long recordedHead, KeptCheckpoint checkpoint) {
        this.recordedHead = recordedHead;
        this.checkpoint = checkpoint;
    }

    /** Compares both sequences to their ends. */
    VerificationReport run(
            Iterator<StoredEvent> store, Iterator<Document> recorded, Long storeHead, Instant verifiedAt) {
        Document entry = next(recorded);
        while (store.hasNext()) {
            StoredEvent event = store.next();
            while (entry != null && AuditTrail.position(entry) < event.position()) {
                deleted(entry);
                entry = next(recorded);
            }
            if (entry != null && AuditTrail.position(entry) == event.position()) {
                compare(event, entry);
                entry = next(recorded);
            } else {
                unrecorded(event);
            }
        }
        while (entry != null) {
            deleted(entry);
            entry = next(recorded);
        }
        return report(storeHead, verifiedAt);
    }

    private void compare(StoredEvent stored, Document entry) {
        byte[] recordedDigest = AuditChain.unhex(entry.getString(AuditEntries.DIGEST));
        boolean entryChains = entry.getString(AuditEntries.LINK)
                .equals(AuditChain.hex(AuditChain.link(recordedLink, recordedDigest)));
        recordedLink = AuditChain.unhex(entry.getString(AuditEntries.LINK));
        boolean explained = explainedSinceLastMatch;
        explainedSinceLastMatch = false;
        checked++;
        if (stored.event() == null) {
            storeChainKnown = false;
            found(
                    stored.position(),
                    Kind.ALTERED,
                    stored.eventId(),
                    "the stored event cannot be read: " + stored.unreadable());
            return;
        }
        byte[] digest = stored.event().digest();
        advanceStoreChain(stored.position(), digest);
        boolean agree = storeChainKnown && Arrays.equals(storeLink, recordedLink);
        boolean agreedBefore = linksAgreed;
        linksAgreed = agree;
        Document expected = AuditEntries.of(stored.event(), digest, recordedLink);
        if (!Arrays.equals(digest, recordedDigest)) {
            if (entryChains) {
                found(
                        stored.position(),
                        Kind.ALTERED,
                        stored.eventId(),
                        "the stored event differs from the one" + " recorded at this position in "
                                + differingFields(expected, entry));
            } else {
                found(
                        stored.position(),
                        Kind.RECORD_ALTERED,
                        stored.eventId(),
                        "the trail's entry was edited:" + " its digest no longer chains to the entry before it");
            }
            return;
        }
        if (!expected.equals(entry)) {
            found(
                    stored.position(),
                    Kind.RECORD_ALTERED,
                    stored.eventId(),
                    "the trail's entry differs from the" + " stored event in " + differingFields(expected, entry));
        }
        if (!agree && agreedBefore && !explained && storeChainKnown) {
            found(
                    stored.position(),
                    Kind.CHAIN_BROKEN,
                    stored.eventId(),
                    "the trail's link differs from the chain"
                            + " recomputed from the store, although the event and the entries before it agree");
        }
    }

    private void deleted(Document entry) {
        recordedLink = AuditChain.unhex(entry.getString(AuditEntries.LINK));
        explainedSinceLastMatch = true;
        found(
                AuditTrail.position(entry),
                Kind.DELETED,
                entry.getString(AuditEntries.EVENT_ID),
                "the trail recorded " + entry.getString(AuditEntries.TYPE) + " of "
                        + entry.getString(AuditEntries.AGGREGATE_ID)
                        + " here; the store has no event at this position");
    }

    private void unrecorded(StoredEvent stored) {
        checked++;
        if (stored.event() == null) {
            storeChainKnown = false;
        } else {
            advanceStoreChain(stored.position(), stored.event().digest());
        }
        if (recordedHead != null && stored.position() <= recordedHead) {
            explainedSinceLastMatch = true;
            found(
                    stored.position(),
                    Kind.INSERTED,
                    stored.eventId(),
                    "the store has an event here that the trail" + " never recorded, below events it did record");
        } else {
            notYetRecorded++;
        }
    }

    private void advanceStoreChain(long position, byte[] digest) {
        storeLink = AuditChain.link(storeLink, digest);
        lastStorePosition = position;
        if (checkpoint != null && position <= checkpoint.position()) {
            linkAtCheckpoint = storeLink;
            checkpointChainKnown = storeChainKnown;
        }
    }

    private void found(long position, Kind kind, String eventId, String detail) {
        Discrepancy discrepancy = new Discrepancy(position, kind, eventId, detail);
        count++;
        discrepantPositions.add(position);
        if (first == null || position < first.position()) {
            first = discrepancy;
        }
        if (listed.size() < LISTED) {
            listed.add(discrepancy);
        }
    }

    private VerificationReport report(Long storeHead, Instant verifiedAt) {
        CheckpointCheck checkpointCheck = checkpoint == null ? null : checkpointCheck(storeHead);
        boolean ok = count == 0 && (checkpointCheck == null || checkpointCheck.matches());
        listed.sort((a, b) -> Long.compare(a.position(), b.position()));
        return new VerificationReport(
                ok,
                verifiedAt,
                checked,
                storeHead,
                recordedHead,
                notYetRecorded,
                storeChainKnown && lastStorePosition != null ? AuditChain.hex(storeLink) : null,
                first,
                count,
                List.copyOf(listed),
                checkpointCheck,
                List.of());
    }

    private CheckpointCheck checkpointCheck(Long storeHead) {
        String actual = checkpointChainKnown ? AuditChain.hex(linkAtCheckpoint) : null;
        boolean matches = actual != null && actual.equalsIgnoreCase(checkpoint.hash());
        String detail;
        if (matches) {
            detail = "the history up to position " + checkpoint.position() + " is the one the checkpoint fixed";
        } else if (storeHead == null || storeHead < checkpoint.position()) {
            detail = "the store ends before the checkpoint's position: events up to it were removed";
        } else {
            Long firstChange = discrepantPositions.isEmpty() ? null : discrepantPositions.first();
            detail = "the history up to position " + checkpoint.position() + " differs from the one the checkpoint"
                    + " fixed"
                    + (firstChange != null && firstChange <= checkpoint.position()
                            ? "; the first difference found is at position " + firstChange
                            : "");
        }
        return new CheckpointCheck(checkpoint.position(), checkpoint.hash(), actual, matches, detail);
    }

    /** The top-level fields whose values differ between two entries, for the report. */
    private static String differingFields(Document expected, Document actual) {
        List<String> fields = new ArrayList<>();
        for (String key : new TreeSet<>(union(expected, actual))) {
            if (!AuditEntries.DIGEST.equals(key)
                    && !AuditEntries.LINK.equals(key)
                    && !Objects.equals(expected.get(key), actual.get(key))) {
                fields.add(key);
            }
        }
        return fields.isEmpty() ? "its stored bytes" : String.join(", ", fields);
    }

    private static TreeSet<String> union(Document a, Document b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static Document next(Iterator<Document> recorded) {
        return recorded.hasNext() ? recorded.next() : null;
    }
}
