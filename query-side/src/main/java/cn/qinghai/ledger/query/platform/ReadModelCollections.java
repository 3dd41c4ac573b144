package cn.qinghai.ledger.query.platform;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Where a projection's collections are, by their logical names ({@code roster_units}, ...). A
 * projection and its queries ask this instead of the database, so that the same code can write into
 * the generation that serves readers (the live binding of {@link ReadModelGenerations}) or into a
 * fresh copy being rebuilt beside it (a fixed generation).
 */
@FunctionalInterface
public interface ReadModelCollections {

    /** The collection that holds {@code logicalName} in this binding's generation. */
    MongoCollection<Document> get(String logicalName);

    /** What the store behind this binding can do; MongoDB unless told otherwise. */
    default ReadModelStore store() {
        return ReadModelStore.MONGODB;
    }

    /** Asks for the indexes {@code keys} on {@code logicalName}, as {@link #store()} takes them. */
    default void ensureIndexes(String logicalName, Bson... keys) {
        store().ensureIndexes(get(logicalName), keys);
    }

    /** The logical names as they are, in {@code db}: generation 1, for tests and fixtures. */
    static ReadModelCollections plain(MongoDatabase db) {
        return db::getCollection;
    }

    /** Collections found by {@code lookup}, in {@code store}. */
    static ReadModelCollections of(Function<String, MongoCollection<Document>> lookup, ReadModelStore store) {
        return new ReadModelCollections() {
            @Override
            public MongoCollection<Document> get(String logicalName) {
                return lookup.apply(logicalName);
            }

            @Override
            public ReadModelStore store() {
                return store;
            }
        };
    }
}
