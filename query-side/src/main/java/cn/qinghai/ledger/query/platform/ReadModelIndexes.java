package cn.qinghai.ledger.query.platform;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * How the read-model store takes the secondary indexes a projection asks for. Primary keys
 * ({@code _id}) and unique indexes are not concerned: every store builds and uses them.
 */
public enum ReadModelIndexes {

    /**
     * MongoDB: creates those of the indexes the collection does not have yet. Asking again for an
     * existing index would be a no-op there, but is not on the in-process server (see below).
     */
    DECLARED {
        @Override
        public void ensure(MongoCollection<Document> collection, Bson... keys) {
            Set<String> existing = new HashSet<>();
            for (Document index : collection.listIndexes()) {
                existing.add(index.get("key", Document.class).toJson());
            }
            for (Bson key : keys) {
                String wanted = Document.parse(key.toBsonDocument(Document.class, collection.getCodecRegistry())
                                .toJson())
                        .toJson();
                if (!existing.contains(wanted)) {
                    collection.createIndex(key);
                }
            }
        }
    },

    /**
     * The in-process server (mongo-java-server): it accepts a secondary index but never builds or
     * uses one (a query finds documents through {@code _id} or by reading the collection), while on
     * every open it still reads each document of the collection once per declared index. At a
     * million audit entries that made a restart take minutes. So none is declared, and those an
     * earlier version declared are dropped.
     */
    PRIMARY_KEY_ONLY {
        @Override
        public void ensure(MongoCollection<Document> collection, Bson... keys) {
            List<String> declared = new ArrayList<>();
            for (Document index : collection.listIndexes()) {
                String name = index.getString("name");
                if (!"_id_".equals(name) && !Boolean.TRUE.equals(index.getBoolean("unique"))) {
                    declared.add(name);
                }
            }
            declared.forEach(collection::dropIndex);
        }
    };

    /** Makes the indexes of {@code collection} what this store should have for {@code keys}. */
    public abstract void ensure(MongoCollection<Document> collection, Bson... keys);
}
