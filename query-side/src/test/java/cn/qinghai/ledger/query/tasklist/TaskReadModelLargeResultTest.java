package cn.qinghai.ledger.query.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinghai.ledger.events.task.TaskStatus;
import cn.qinghai.ledger.query.platform.InMemoryMongo;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A conference's whole task book in one read (the unit board, the RAG filter) must not depend on the
 * server putting it in one reply: over 48 MB the driver refuses a reply, and the in-process server
 * answers a sorted query in one reply unless asked for batches.
 */
class TaskReadModelLargeResultTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    final InMemoryMongo mongo = new InMemoryMongo();

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void aTaskBookLargerThanOneReplyIsReadWhole() {
        TaskListOrigin.record(ReadModelCollections.plain(mongo.db), Clock.system(ZONE));
        String padding = "托".repeat(400); // about 1.2 KB in UTF-8
        List<TaskRecord> batch = new ArrayList<>();
        int tasks = 50_000;
        for (int i = 0; i < tasks; i++) {
            TaskDraft task = new TaskDraft("t" + i);
            task.conferenceId = "c";
            task.title = padding + i;
            task.leadUnitCode = "health";
            task.units = List.of("health");
            task.dueDate = LocalDate.of(2026, 12, 10 + i % 20);
            task.status = TaskStatus.ASSIGNED;
            batch.add(task.record(0, ZONE));
            if (batch.size() == 5_000) {
                TaskReadModel.tasks(ReadModelCollections.plain(mongo.db)).insertMany(batch);
                batch.clear();
            }
        }

        List<TaskRecord> all = new TaskReadModel(mongo.db, ZONE).find(TaskReadModel.filter("c", null, null, null));

        assertThat(all).hasSize(tasks);
        assertThat(all.get(0).dueDate()).isBefore(all.get(tasks - 1).dueDate());
    }
}
