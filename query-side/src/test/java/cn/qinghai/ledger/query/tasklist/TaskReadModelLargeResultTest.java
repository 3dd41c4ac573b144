package cn.qinghai.ledger.query.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinghai.ledger.query.platform.InMemoryMongo;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A conference's whole task book in one read (the unit board, the RAG filter) must not depend on the
 * server putting it in one reply: over 48 MB the driver refuses a reply, and the in-process server
 * answers a sorted query in one reply unless asked for batches.
 */
class TaskReadModelLargeResultTest {

    final InMemoryMongo mongo = new InMemoryMongo();

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void aTaskBookLargerThanOneReplyIsReadWhole() {
        String padding = "托".repeat(400); // about 1.2 KB in UTF-8
        List<Document> batch = new ArrayList<>();
        int tasks = 50_000;
        for (int i = 0; i < tasks; i++) {
            batch.add(new Document("_id", "t" + i)
                    .append("conferenceId", "c")
                    .append("title", padding + i)
                    .append("leadUnitCode", "health")
                    .append("units", List.of("health"))
                    .append("dueDate", "2026-12-" + (10 + i % 20))
                    .append("status", "ASSIGNED")
                    .append("seq", 0L));
            if (batch.size() == 5_000) {
                mongo.db.getCollection(TaskProjection.TASKS).insertMany(batch);
                batch.clear();
            }
        }

        List<TaskRecord> all = new TaskReadModel(mongo.db).find(TaskReadModel.filter("c", null, null, null));

        assertThat(all).hasSize(tasks);
        assertThat(all.get(0).dueDate()).isBefore(all.get(tasks - 1).dueDate());
    }
}
