package cn.qinghai.ledger.query.audit;

import static cn.qinghai.ledger.query.audit.AuditEntries.EVENT_ID;

import java.util.Map;
import org.bson.Document;

/** Audit entries around one position, by position, as {@link AuditTrail#near(long)} found them. */
record NearEntries(Map<Long, Document> entries) {

    /** The event recorded at {@code position}, or null. */
    String eventIdAt(long position) {
        Document d = entries.get(position);
        return d == null ? null : d.getString(EVENT_ID);
    }

    /** The highest entry below {@code position} among those found, or null. */
    Document below(long position) {
        Document best = null;
        for (Document d : entries.values()) {
            long p = AuditTrail.position(d);
            if (p < position && (best == null || p > AuditTrail.position(best))) {
                best = d;
            }
        }
        return best;
    }
}
