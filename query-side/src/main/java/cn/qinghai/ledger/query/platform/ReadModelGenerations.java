package cn.qinghai.ledger.query.platform;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Generations of read models: each projection's collections exist in numbered generations, and one
 * small document per projection in {@value #COLLECTION} says which generation serves readers
 * ({@code active}) and which one is being rebuilt ({@code building}). Generation 1 uses the logical
 * collection names unchanged ({@code roster_units}); generation n uses {@code roster_units_g<n>}, so
 * existing data needs no migration.
 *
 * <p>A replay builds generation n+1 beside n and then flips {@code active} in one document write; the
 * live binding ({@link #live(String)}) follows the flip at once in this process and within
 * {@link #REFRESH} in other query-side processes. A rebuild that died half-way leaves its collections
 * behind until the next rebuild of that projection drops them.
 */
@Component
public class ReadModelGenerations {

    public static final String COLLECTION = "read_model_generations";
    static final Duration REFRESH = Duration.ofSeconds(5);
    static final Duration STALE_AFTER = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(ReadModelGenerations.class);

    private record Cached(int generation, long loadedAt) {}

    private final MongoDatabase db;
    private final Clock clock;
    private final ReadModelStore store;
    private final ConcurrentMap<String, Cached> active = new ConcurrentHashMap<>();

    @Autowired
    public ReadModelGenerations(MongoDatabase readModelDatabase, Clock clock, ReadModelStore store) {
        this.db = readModelDatabase;
        this.clock = clock;
        this.store = store;
    }

    /** Generations in a MongoDB, for tests. */
    public ReadModelGenerations(MongoDatabase readModelDatabase, Clock clock) {
        this(readModelDatabase, clock, ReadModelStore.MONGODB);
    }

    /** The collection name of {@code logicalName} in {@code generation}. */
    public static String collectionName(String logicalName, int generation) {
        return generation <= 1 ? logicalName : logicalName + "_g" + generation;
    }

    /** The projection's collections in whichever generation is active when a collection is asked for. */
    public ReadModelCollections live(String projection) {
        return ReadModelCollections.of(
                logicalName -> db.getCollection(collectionName(logicalName, active(projection))), store);
    }

    /** The projection's collections in one given generation. */
    public ReadModelCollections generation(int generation) {
        return ReadModelCollections.of(logicalName -> db.getCollection(collectionName(logicalName, generation)), store);
    }

    /** The generation that serves readers (1 for a projection never rebuilt). */
    public int active(String projection) {
        long now = System.nanoTime();
        Cached cached = active.get(projection);
        if (cached == null || now - cached.loadedAt() > REFRESH.toNanos()) {
            Document doc = load(projection);
            cached = new Cached(doc == null ? 1 : doc.getInteger("active", 1), now);
            active.put(projection, cached);
        }
        return cached.generation();
    }

    /** The generation being rebuilt, or null. */
    public Integer building(String projection) {
        Document doc = load(projection);
        return doc == null ? null : doc.getInteger("building");
    }

    /**
     * Records that a new generation of {@code projection}, replacing generation {@code replacing}, is being
     * built by {@code builder} and returns its number. A rebuild recorded by another builder whose heartbeat is
     * fresher than {@link #STALE_AFTER} is refused (it is still running somewhere); a stale one is abandoned and
     * its collections dropped, as is anything left under the new generation's names. Refused too when another
     * generation than {@code replacing} serves by now: another process rebuilt and switched since this one last
     * looked ({@link #active} follows within {@link #REFRESH}), and a second rebuild would replace a copy that
     * needs none.
     */
    public synchronized int beginBuilding(
            String projection, int replacing, Collection<String> logicalNames, String builder) {
        Document doc = load(projection);
        int serving = doc == null ? 1 : doc.getInteger("active", 1);
        if (serving != replacing) {
            active.put(projection, new Cached(serving, System.nanoTime()));
            throw new IllegalStateException("generation " + serving + " of " + projection
                    + " serves since a switch elsewhere; this process still read generation " + replacing);
        }
        if (doc != null && doc.getInteger("building") != null && !builder.equals(doc.getString("builder"))) {
            String beat = doc.getString("heartbeat");
            if (beat != null && Instant.parse(beat).isAfter(clock.instant().minus(STALE_AFTER))) {
                throw new IllegalStateException("generation " + doc.getInteger("building") + " of " + projection
                        + " is being rebuilt by " + doc.getString("builder"));
            }
        }
        abandonUnfinished(doc);
        int next = serving + 1;
        drop(logicalNames, next);
        String now = clock.instant().toString();
        save(
                projection,
                new Document("active", serving)
                        .append("building", next)
                        .append("buildingCollections", new ArrayList<>(logicalNames))
                        .append("builder", builder)
                        .append("buildingSince", now)
                        .append("heartbeat", now));
        return next;
    }

    /** A running rebuild says it is alive (see {@link #beginBuilding}). */
    public void heartbeat(String projection) {
        db.getCollection(COLLECTION)
                .updateOne(
                        eq("_id", projection),
                        Updates.set("heartbeat", clock.instant().toString()));
    }

    /** Makes {@code generation} the one readers see: one document write. */
    public void activate(String projection, int generation) {
        save(
                projection,
                new Document("active", generation)
                        .append("switchedAt", clock.instant().toString()));
        active.put(projection, new Cached(generation, System.nanoTime()));
    }

    /** Gives up a generation that was being built: drops its collections and forgets it. */
    public void abandon(String projection, int generation, Collection<String> logicalNames) {
        drop(logicalNames, generation);
        Document doc = load(projection);
        int current = doc == null ? 1 : doc.getInteger("active", 1);
        save(projection, new Document("active", current));
    }

    /** Drops the collections of a generation that no longer serves (after a switch). */
    public void drop(Collection<String> logicalNames, int generation) {
        Set<String> existing = db.listCollectionNames().into(new HashSet<>());
        for (String name : logicalNames) {
            String collection = collectionName(name, generation);
            if (existing.contains(collection)) {
                db.getCollection(collection).drop();
            }
        }
    }

    private void abandonUnfinished(Document doc) {
        if (doc == null || doc.getInteger("building") == null) {
            return;
        }
        String projection = doc.getString("_id");
        int building = doc.getInteger("building");
        log.warn("dropping generation {} of {}: its rebuild did not finish", building, projection);
        drop(doc.getList("buildingCollections", String.class, List.of()), building);
        save(projection, new Document("active", doc.getInteger("active", 1)));
    }

    private Document load(String projection) {
        return db.getCollection(COLLECTION).find(eq("_id", projection)).first();
    }

    private void save(String projection, Document fields) {
        db.getCollection(COLLECTION)
                .replaceOne(eq("_id", projection), fields.append("_id", projection), new ReplaceOptions().upsert(true));
    }
}
