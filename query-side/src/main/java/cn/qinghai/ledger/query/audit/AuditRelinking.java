package cn.qinghai.ledger.query.audit;

import static cn.qinghai.ledger.query.audit.AuditEntries.DIGEST;
import static cn.qinghai.ledger.query.audit.AuditEntries.LINK;
import static cn.qinghai.ledger.query.audit.AuditEntries.POSITION;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;

/** Re-chains the audit trail's links above a late entry ({@link AuditTrail#relinkAfter}). */
final class AuditRelinking {

    private static final int RELINK_CHUNK = 256;
    private static final long RELINK_BY_ID_LIMIT = 100_000;

    private final MongoCollection<Document> entries;

    AuditRelinking(MongoCollection<Document> entries) {
        this.entries = entries;
    }

    /**
     * Recomputes the links of the entries after {@code position}, starting from {@code link}: needed
     * when an event arrives below entries already recorded (a transaction that committed late).
     * Returns how many links changed. The entries above are read by {@code _id} in chunks up to the
     * high-water mark {@code mark} (a late event lands a few positions below the head, so usually one chunk); only
     * without a mark, or far below it, is the whole range searched.
     */
    int relinkAfter(long position, byte[] link, Long mark) {
        if (mark == null || mark - position > RELINK_BY_ID_LIMIT) {
            return relinkRun(
                            link,
                            entries.find(gt(POSITION, position))
                                    .sort(Sorts.ascending(POSITION))
                                    .projection(Projections.include(DIGEST, LINK)))
                    .changed();
        }
        int changed = 0;
        byte[] previous = link;
        for (long from = position + 1; from <= mark; from += RELINK_CHUNK) {
            List<Long> chunk = new ArrayList<>();
            for (long p = from; p <= Math.min(mark, from + RELINK_CHUNK - 1); p++) {
                chunk.add(p);
            }
            List<Document> found = entries.find(in(POSITION, chunk))
                    .projection(Projections.include(DIGEST, LINK))
                    .into(new ArrayList<>());
            found.sort(Comparator.comparingLong(AuditTrail::position));
            Relinked r = relinkRun(previous, found);
            changed += r.changed();
            previous = r.last();
        }
        return changed;
    }

    private record Relinked(int changed, byte[] last) {}

    /** Chains {@code run} (ascending positions) from {@code link}, rewriting the links that differ. */
    private Relinked relinkRun(byte[] link, Iterable<Document> run) {
        int changed = 0;
        byte[] previous = link;
        for (Document d : run) {
            byte[] next = AuditChain.link(previous, AuditChain.unhex(d.getString(DIGEST)));
            String hex = AuditChain.hex(next);
            if (!hex.equals(d.getString(LINK))) {
                entries.updateOne(eq(POSITION, d.get(POSITION)), Updates.set(LINK, hex));
                changed++;
            }
            previous = next;
        }
        return new Relinked(changed, previous);
    }
}
