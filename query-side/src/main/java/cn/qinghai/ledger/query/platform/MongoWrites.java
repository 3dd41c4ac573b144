package cn.qinghai.ledger.query.platform;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Idempotent writes for projections under at-least-once delivery. A document remembers the sequence
 * number of the last event of its source aggregate applied to it ({@code seq}); an event at or below
 * it is a redelivery and changes nothing, even if it arrives after newer ones.
 */
public final class MongoWrites {

    public static final String SEQ = "seq";

    private MongoWrites() {
    }

    /** Applies {@code update} to document {@code id} (creating it) unless it already saw event {@code seq}. */
    public static void applyIfNewer(MongoCollection<Document> collection, String id, long seq, Bson update) {
        Bson unseen = and(eq("_id", id), or(lt(SEQ, seq), exists(SEQ, false)));
        try {
            collection.updateOne(unseen, Updates.combine(update, Updates.set(SEQ, seq)),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // The document exists and has already seen this event: the upsert's insert collided on _id.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Inserts document {@code id} with {@code fields} once; a redelivery finds it and changes nothing. */
    public static void insertOnce(MongoCollection<Document> collection, String id, Document fields) {
        collection.updateOne(eq("_id", id), new Document("$setOnInsert", fields), new UpdateOptions().upsert(true));
    }

    /** Dates are kept as ISO strings so that they compare (and sort) correctly as text. */
    public static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    public static LocalDate date(Document document, String field) {
        String value = document.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }
}
