package cn.qinghai.ledger.query.audit;

import static cn.qinghai.ledger.query.audit.AuditEntries.POSITION;
import static com.mongodb.client.model.Filters.gt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** Entries withdrawn from the audit trail because their events were gone from the event store. */
final class AuditWithdrawals {

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> withdrawn;
    private final MongoCollection<Document> withdrawals;

    AuditWithdrawals(
            MongoCollection<Document> entries,
            MongoCollection<Document> withdrawn,
            MongoCollection<Document> withdrawals) {
        this.entries = entries;
        this.withdrawn = withdrawn;
        this.withdrawals = withdrawals;
    }

    /**
     * Withdraws every entry above {@code position}: their events are gone from the event store (it went
     * back to an earlier state: a crash on a non-durable setting, a restored backup). The entries are
     * not deleted but moved, whole, to {@value AuditTrail#WITHDRAWN} under the withdrawal's id, and the withdrawal
     * itself is recorded in {@value AuditTrail#WITHDRAWALS}; the trail then records and chains what the
     * store now holds from there (its caller lowers the high-water mark). The verifier reports
     * withdrawals as such, not as tampering. Returns the withdrawn entries' positions, ascending.
     */
    List<Long> withdrawAbove(long position, String withdrawalId, Instant at, String reason) {
        List<Long> positions = new ArrayList<>();
        List<Document> moved = new ArrayList<>();
        for (Document entry : entries.find(gt(POSITION, position)).sort(Sorts.ascending(POSITION))) {
            long p = AuditTrail.position(entry);
            positions.add(p);
            Document copy = new Document(entry);
            copy.put(POSITION, withdrawalId + ":" + p);
            copy.put("withdrawal", withdrawalId);
            copy.put("position", p);
            moved.add(copy);
            if (moved.size() == 500) {
                withdrawn.insertMany(moved);
                moved.clear();
            }
        }
        if (!moved.isEmpty()) {
            withdrawn.insertMany(moved);
        }
        withdrawals.insertOne(new Document(POSITION, withdrawalId)
                .append("at", Date.from(at))
                .append("reason", reason)
                .append("keptUpTo", position)
                .append("count", positions.size())
                .append("positions", positions.size() <= 1000 ? positions : positions.subList(0, 1000)));
        entries.deleteMany(gt(POSITION, position));
        return positions;
    }

    /** Every withdrawal recorded, oldest first. */
    List<AuditTrail.Withdrawal> all() {
        List<AuditTrail.Withdrawal> found = new ArrayList<>();
        for (Document d : withdrawals.find().sort(Sorts.ascending("at"))) {
            List<Long> positions = new ArrayList<>();
            for (Object p : d.getList("positions", Object.class)) {
                positions.add(((Number) p).longValue());
            }
            found.add(new AuditTrail.Withdrawal(
                    d.getString(POSITION),
                    d.getDate("at").toInstant(),
                    d.getString("reason"),
                    ((Number) d.get("keptUpTo")).longValue(),
                    ((Number) d.get("count")).longValue(),
                    positions));
        }
        return found;
    }
}
