package cn.qinghai.ledger.query.platform;

import static com.mongodb.client.model.Filters.eq;

import cn.qinghai.ledger.platform.web.ReadModelRebuildingException;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * How a generation of a read model was written: its stored {@code format} and whatever else its
 * documents depend on (the task list: the rules of its stored RAG dates and the time zone of its days).
 * The projection records it when it starts on an empty read model or is reset; a generation whose record
 * says otherwise, or that has none (an earlier version wrote it), is not up to date
 * ({@link ReplayableProjection#upToDate}): it is neither read ({@link #require}) nor written, and it is
 * rebuilt from the event store ({@code query.admin.OutdatedReadModels}).
 *
 * <p>The record is document {@code id} of the logical collection {@code collection}, one of the read
 * model's own collections, so each generation carries its own. An instance caches the generations it
 * found current (a record once current stays so: it is rewritten only when the generation starts or is
 * reset), so a read asks the store only about a generation not yet known to be current.
 */
public final class ReadModelOrigin {

    /** The field of the stored format in every origin record. */
    public static final String FORMAT = "format";

    private final String readModel;
    private final String collection;
    private final String id;
    private final Map<String, Object> writtenAs;
    private final Set<String> current = ConcurrentHashMap.newKeySet();

    private ReadModelOrigin(String readModel, String collection, String id, Map<String, Object> writtenAs) {
        this.readModel = readModel;
        this.collection = collection;
        this.id = id;
        this.writtenAs = writtenAs;
    }

    /**
     * The origin of {@code readModel} (its name in answers and logs), recorded as document {@code id} of
     * {@code collection}, for read models written in stored format {@code format}.
     */
    public static ReadModelOrigin of(String readModel, String collection, String id, int format) {
        Map<String, Object> writtenAs = new LinkedHashMap<>();
        writtenAs.put(FORMAT, format);
        return new ReadModelOrigin(readModel, collection, id, writtenAs);
    }

    /** This origin with one more thing the documents depend on, stored as {@code value} under {@code field}. */
    public ReadModelOrigin and(String field, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(writtenAs);
        more.put(field, value);
        return new ReadModelOrigin(readModel, collection, id, more);
    }

    /** The logical collection holding the record: list it among the projection's collections. */
    public String collection() {
        return collection;
    }

    /** Records that the read model in {@code collections} is written as this version writes it, since {@code now}. */
    public void record(ReadModelCollections collections, Instant now) {
        List<Bson> fields = new ArrayList<>();
        fields.add(Updates.set("since", now.toString()));
        writtenAs.forEach((field, value) -> fields.add(Updates.set(field, value)));
        collections.get(collection).updateOne(eq("_id", id), Updates.combine(fields), new UpdateOptions().upsert(true));
    }

    /** Records it if the read model is empty: {@code probe} (a collection it always writes first) holds nothing. */
    public void recordIfEmpty(ReadModelCollections collections, String probe, Instant now) {
        if (collections.get(probe).find().limit(1).first() == null) {
            record(collections, now);
        }
    }

    /** Whether the generation in {@code collections} was written as this version writes it. */
    public boolean isCurrent(ReadModelCollections collections) {
        String generation = collections.get(collection).getNamespace().getCollectionName();
        if (current.contains(generation)) {
            return true;
        }
        if (!matches(record(collections))) {
            return false;
        }
        current.add(generation);
        return true;
    }

    /** {@code collections} if current; refused with a "being rebuilt" answer otherwise. */
    public ReadModelCollections require(ReadModelCollections collections) {
        if (!isCurrent(collections)) {
            throw new ReadModelRebuildingException(readModel, whyNot(collections));
        }
        return collections;
    }

    /** Why the generation in {@code collections} is not current, for logs and answers. */
    public String whyNot(ReadModelCollections collections) {
        Document found = record(collections);
        if (found == null) {
            return "written by a version that did not record how";
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        writtenAs.keySet().forEach(field -> stored.put(field, found.get(field)));
        return "written as " + stored + "; this version writes " + writtenAs;
    }

    private Document record(ReadModelCollections collections) {
        return collections.get(collection).find(eq("_id", id)).first();
    }

    private boolean matches(Document found) {
        if (found == null) {
            return false;
        }
        for (Map.Entry<String, Object> expected : writtenAs.entrySet()) {
            Object stored = found.get(expected.getKey());
            boolean same = expected.getValue() instanceof Number number
                    ? stored instanceof Number s && s.longValue() == number.longValue()
                    : Objects.equals(stored, expected.getValue());
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
