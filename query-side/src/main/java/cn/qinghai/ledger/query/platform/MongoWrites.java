package cn.qinghai.ledger.query.platform;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.BsonDocument;
import org.bson.BsonDocumentWriter;
import org.bson.Document;
import org.bson.codecs.EncoderContext;
import org.bson.conversions.Bson;

/**
 * Idempotent writes for projections under at-least-once delivery. A document remembers the sequence
 * number of the last event of its source aggregate applied to it ({@code seq}); an event at or below
 * it is a redelivery and changes nothing, even if it arrives after newer ones.
 */
public final class MongoWrites {

    public static final String SEQ = "seq";

    private MongoWrites() {}

    /**
     * Applies {@code update} to document {@code id} (creating it) unless it already saw event {@code seq}.
     * Reads the document's {@code seq} by {@code _id}, then writes by {@code _id}: both find the
     * document through the primary key on every MongoDB implementation (a filter that also tests
     * {@code seq} made the in-process server scan the collection). Safe because one document follows one
     * aggregate, whose events the processor hands to one thread at a time, in order.
     */
    public static void applyIfNewer(MongoCollection<?> collection, String id, long seq, Bson update) {
        Document current = collection
                .find(eq("_id", id), Document.class)
                .projection(Projections.include(SEQ))
                .first();
        applyIfNewer(collection, current, id, seq, update);
    }

    /** As {@link #applyIfNewer(MongoCollection, String, long, Bson)}, with the document already read. */
    public static void applyIfNewer(MongoCollection<?> collection, Document current, String id, long seq, Bson update) {
        if (seen(current, seq)) {
            return;
        }
        collection.updateOne(
                eq("_id", id), Updates.combine(update, Updates.set(SEQ, seq)), new UpdateOptions().upsert(true));
    }

    /** Whether {@code document} (null when absent) has already seen event {@code seq} of its aggregate. */
    public static boolean seen(Document document, long seq) {
        Object applied = document == null ? null : document.get(SEQ);
        return applied instanceof Number n && n.longValue() >= seq;
    }

    /**
     * Inserts {@code document} (a typed read-model document, keyed {@code id}) once; a redelivery finds it and
     * changes nothing, even where later events have changed it since.
     */
    public static <T> void insertOnce(MongoCollection<T> collection, String id, T document) {
        BsonDocument fields = new BsonDocument();
        collection
                .getCodecRegistry()
                .get(collection.getDocumentClass())
                .encode(
                        new BsonDocumentWriter(fields),
                        document,
                        EncoderContext.builder().build());
        fields.remove("_id");
        collection.updateOne(eq("_id", id), new BsonDocument("$setOnInsert", fields), new UpdateOptions().upsert(true));
    }
}
