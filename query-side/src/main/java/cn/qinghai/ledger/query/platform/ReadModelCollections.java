package cn.qinghai.ledger.query.platform;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

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

    /** The logical names as they are, in {@code db}: generation 1, for tests and fixtures. */
    static ReadModelCollections plain(MongoDatabase db) {
        return db::getCollection;
    }
}
