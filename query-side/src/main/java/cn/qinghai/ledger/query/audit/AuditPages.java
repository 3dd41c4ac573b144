package cn.qinghai.ledger.query.audit;

import static cn.qinghai.ledger.query.audit.AuditEntries.POSITION;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;

/**
 * A page of the whole audit trail read by position ({@code _id}, the global index; gaps are rare) from
 * the first up to the page's end, in lookups of at most {@value #CHUNK} positions: its cost follows the
 * page number, not the size of the trail, on any store.
 */
final class AuditPages {

    /** At most this many positions in one lookup of a page (a far page is read in several). */
    private static final long CHUNK = 5_000;
    /** Positions read beyond what the page still needs, for the gaps. */
    private static final long PADDING = 64;

    private AuditPages() {}

    /** Page {@code page} of {@code size} entries of a trail whose highest position is {@code mark}. */
    static List<Document> byPosition(MongoCollection<Document> entries, long mark, int page, int size) {
        long need = (long) (page + 1) * size;
        List<Document> found = new ArrayList<>();
        for (long from = 0; found.size() < need && from <= mark; ) {
            long to = Math.min(mark, from + Math.min(CHUNK, Math.max(need - found.size(), PADDING) + PADDING));
            List<Long> positions = new ArrayList<>();
            for (long p = from; p <= to; p++) {
                positions.add(p);
            }
            entries.find(in(POSITION, positions)).into(found);
            from = to + 1;
        }
        found.sort(Comparator.comparingLong(AuditTrail::position));
        int start = (int) Math.min(found.size(), (long) page * size);
        return new ArrayList<>(found.subList(start, (int) Math.min(found.size(), need)));
    }
}
