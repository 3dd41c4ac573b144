package cn.qinghai.ledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinghai.ledger.query.tasklist.TaskProjection;
import cn.qinghai.ledger.query.unitstatus.UnitTaskCounts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadModelIndexesTest {

    final InMemoryMongo mongo = new InMemoryMongo();

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void declaredCreatesTheMissingIndexesOnlyAndTellsCompoundKeysApartByOrder() {
        MongoCollection<Document> c = mongo.db.getCollection("c");
        c.insertOne(new Document("_id", 1).append("a", 1).append("b", 2));
        c.createIndex(Indexes.ascending("a", "b"));

        ReadModelIndexes.DECLARED.ensure(
                c, Indexes.ascending("a", "b"), Indexes.ascending("b", "a"), Indexes.ascending("b"));
        ReadModelIndexes.DECLARED.ensure(
                c, Indexes.ascending("a", "b"), Indexes.ascending("b", "a"), Indexes.ascending("b"));

        assertThat(keys(c))
                .containsExactlyInAnyOrder(
                        "{\"_id\": 1}", "{\"a\": 1, \"b\": 1}", "{\"b\": 1, \"a\": 1}", "{\"b\": 1}");
    }

    @Test
    void primaryKeyOnlyDeclaresNoneAndDropsThoseAnEarlierVersionDeclaredButKeepsUniqueOnes() {
        MongoCollection<Document> c = mongo.db.getCollection("c");
        c.insertOne(new Document("_id", 1).append("a", 1).append("b", 2).append("k", "x"));
        c.createIndex(Indexes.ascending("a", "b"));
        c.createIndex(Indexes.ascending("b"));
        c.createIndex(Indexes.ascending("k"), new IndexOptions().unique(true));

        ReadModelIndexes.PRIMARY_KEY_ONLY.ensure(c, Indexes.ascending("a", "b"), Indexes.ascending("b"));
        ReadModelIndexes.PRIMARY_KEY_ONLY.ensure(c, Indexes.ascending("a", "b"), Indexes.ascending("b"));

        assertThat(keys(c)).containsExactlyInAnyOrder("{\"_id\": 1}", "{\"k\": 1}");
        assertThat(c.countDocuments()).isEqualTo(1);
    }

    @Test
    void aGenerationsBindingHandsItsStoresPolicyToTheProjections() {
        ReadModelGenerations onInProcessStore =
                new ReadModelGenerations(mongo.db, Clock.systemUTC(), ReadModelStore.IN_PROCESS);
        new TaskProjection(onInProcessStore, Clock.systemUTC(), new UnitTaskCounts());
        new TaskProjection(onInProcessStore.generation(2), Clock.systemUTC(), new UnitTaskCounts());

        for (String name : List.of("tasks", "task_history", "tasks_g2", "task_history_g2")) {
            assertThat(keys(mongo.db.getCollection(name))).as(name).isEmpty();
        }

        new TaskProjection(
                new ReadModelGenerations(mongo.db, Clock.systemUTC(), ReadModelStore.MONGODB),
                Clock.systemUTC(),
                new UnitTaskCounts());
        assertThat(keys(mongo.db.getCollection("tasks"))).contains("{\"units\": 1}");
    }

    private static List<String> keys(MongoCollection<Document> c) {
        List<String> keys = new ArrayList<>();
        for (Document index : c.listIndexes()) {
            keys.add(index.get("key", Document.class).toJson());
        }
        return keys;
    }
}
