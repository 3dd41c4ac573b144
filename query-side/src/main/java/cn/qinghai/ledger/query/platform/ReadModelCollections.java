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

    /** How the store behind this binding takes secondary indexes; MongoDB's way unless told otherwise. */
    default ReadModelIndexes indexes() {
        return ReadModelIndexes.DECLARED;
    }

    /** Asks for the indexes {@code keys} on {@code logicalName}, as {@link #indexes()} takes them. */
    default void ensureIndexes(String logicalName, Bson... keys) {
        indexes().ensure(get(logicalName), keys);
    }

    /** The logical names as they are, in {@code db}: generation 1, for tests and fixtures. */
    static ReadModelCollections plain(MongoDatabase db) {
        return db::getCollection;
    }

    /** Collections found by {@code lookup}, in a store that takes indexes as {@code indexes} says. */
    static ReadModelCollections of(Function<String, MongoCollection<Document>> lookup, ReadModelIndexes indexes) {
        return new ReadModelCollections() {
            @Override
            public MongoCollection<Document> get(String logicalName) {
                return lookup.apply(logicalName);
            }

            @Override
            public ReadModelIndexes indexes() {
                return indexes;
            }
        };
    }
}
