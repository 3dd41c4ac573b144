package cn.qinghai.ledger.query.platform;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * What the read-model store behind the projections can do, decided once in configuration
 * ({@code ReadModelConfiguration}: the in-process server when it runs, MongoDB otherwise). Projections and
 * queries ask these capabilities by name instead of comparing store types, so each difference between the
 * stores is written once, where it matters.
 */
public enum ReadModelStore {

    /** A MongoDB server: secondary indexes are built and used; any number of query-side processes share it. */
    MONGODB(true, true, ReadModelIndexes.DECLARED),

    /**
     * The in-process server (mongo-java-server, ADR 2): it finds documents through {@code _id} or by reading
     * the whole collection, never through a secondary index; and it serves the one process it runs in.
     */
    IN_PROCESS(false, false, ReadModelIndexes.PRIMARY_KEY_ONLY);

    private final boolean honoursIndexes;
    private final boolean sharedAcrossProcesses;
    private final ReadModelIndexes indexes;

    ReadModelStore(boolean honoursIndexes, boolean sharedAcrossProcesses, ReadModelIndexes indexes) {
        this.honoursIndexes = honoursIndexes;
        this.sharedAcrossProcesses = sharedAcrossProcesses;
        this.indexes = indexes;
    }

    /**
     * Whether a query filtering or sorting on indexed fields (beyond {@code _id}) reads only what it finds;
     * if not, it reads the whole collection, and a read by {@code _id} is the way to stay proportional to
     * the answer.
     */
    public boolean honoursIndexes() {
        return honoursIndexes;
    }

    /**
     * Whether more than one process may write these read models at once: then a worker that lost its
     * segment's claim may still be writing what another one now handles, and writes must be guarded.
     */
    public boolean sharedAcrossProcesses() {
        return sharedAcrossProcesses;
    }

    /** Makes the secondary indexes of {@code collection} what this store should have for {@code keys}. */
    public void ensureIndexes(MongoCollection<Document> collection, Bson... keys) {
        indexes.ensure(collection, keys);
    }
}
