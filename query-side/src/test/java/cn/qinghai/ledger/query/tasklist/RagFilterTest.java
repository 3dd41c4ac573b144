package cn.qinghai.ledger.query.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinghai.ledger.events.task.FindTasksQuery;
import cn.qinghai.ledger.events.task.RagStatus;
import cn.qinghai.ledger.events.task.TaskList;
import cn.qinghai.ledger.events.task.TaskStatus;
import cn.qinghai.ledger.query.platform.InMemoryMongo;
import cn.qinghai.ledger.query.platform.ProcessorBatch;
import cn.qinghai.ledger.query.roster.RosterFixture;
import cn.qinghai.ledger.testsupport.MutableClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The task list's RAG filter, run in MongoDB on the dates each task keeps, selects exactly the tasks
 * that rating each one selects, on every day, with the other filters and the page as the user sets them.
 */
class RagFilterTest {

    static final String CID = "c";
    static final List<String> UNITS = List.of("health", "education", "finance");
    static final LocalDate START = LocalDate.of(2025, 3, 3);

    InMemoryMongo mongo;
    MutableClock clock;
    TaskFixture tasks;

    @BeforeEach
    void setUp() {
        mongo = new InMemoryMongo();
        clock = MutableClock.on(START);
        RosterFixture.seed(mongo.db, CID);
        tasks = new TaskFixture(mongo.db, clock);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void theFilterInMongoSelectsWhatRatingEachTaskSelectsOnEveryDay() throws Exception {
        for (long seed = 1; seed <= 4; seed++) {
            tearDown();
            setUp();
            Random random = new Random(seed);
            List<Runnable> events = RandomTaskHistories.interleaved(random, 40, tasks.projection, CID, UNITS, START);
            for (int i = 0; i < events.size(); i += 10) {
                ProcessorBatch.run(events.subList(i, Math.min(events.size(), i + 10)));
            }
            int[] seen = new int[RagStatus.values().length];
            for (LocalDate day = START.minusDays(1); day.isBefore(START.plusDays(90)); day = day.plusDays(2)) {
                clock.set(day);
                for (RagStatus rag : RagStatus.values()) {
                    FindTasksQuery all = new FindTasksQuery(CID, null, null, rag, null, 0, 1000);
                    TaskList filtered = tasks.queries.handle(all);
                    assertThat(filtered).as("seed %d, %s on %s", seed, rag, day).isEqualTo(tasks.ratedOneByOne(all));
                    assertThat(filtered.items())
                            .allSatisfy(row -> assertThat(row.rag()).isEqualTo(rag));
                    seen[rag.ordinal()] += filtered.items().size();
                    FindTasksQuery narrow = new FindTasksQuery(
                            CID,
                            UNITS.get(random.nextInt(3)),
                            random.nextBoolean() ? null : TaskStatus.IN_PROGRESS,
                            rag,
                            null,
                            random.nextInt(2),
                            3);
                    assertThat(tasks.queries.handle(narrow))
                            .as("seed %d, %s", seed, narrow)
                            .isEqualTo(tasks.ratedOneByOne(narrow));
                }
            }
            assertThat(java.util.Arrays.stream(seen).min().orElseThrow())
                    .as("every colour was selected on some day")
                    .isPositive();
        }
    }
}
