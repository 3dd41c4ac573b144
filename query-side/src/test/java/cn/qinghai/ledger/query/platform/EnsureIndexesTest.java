package cn.qinghai.ledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnsureIndexesTest {

    final InMemoryMongo mongo = new InMemoryMongo();

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void createsTheMissingIndexesOnlyAndTellsCompoundKeysApartByOrder() {
        MongoCollection<Document> c = mongo.db.getCollection("c");
        c.insertOne(new Document("_id", 1).append("a", 1).append("b", 2));
        c.createIndex(Indexes.ascending("a", "b"));

        MongoWrites.ensureIndexes(c, Indexes.ascending("a", "b"), Indexes.ascending("b", "a"),
                Indexes.ascending("b"));
        MongoWrites.ensureIndexes(c, Indexes.ascending("a", "b"), Indexes.ascending("b", "a"),
                Indexes.ascending("b"));

        assertThat(keys(c)).containsExactlyInAnyOrder("{\"_id\": 1}", "{\"a\": 1, \"b\": 1}",
                "{\"b\": 1, \"a\": 1}", "{\"b\": 1}");
    }

    private static List<String> keys(MongoCollection<Document> c) {
        List<String> keys = new ArrayList<>();
        for (Document index : c.listIndexes()) {
            keys.add(index.get("key", Document.class).toJson());
        }
        return keys;
    }
}
