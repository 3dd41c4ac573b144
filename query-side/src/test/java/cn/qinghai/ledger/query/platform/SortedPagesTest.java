package cn.qinghai.ledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sorted page the in-process store's backends answer is the page mongo-java-server's own backends
 * answer: random documents (ties, missing and null fields, mixed types), random filters, sorts, skips,
 * limits and projections, asked of both side by side.
 */
class SortedPagesTest {

    private static final int DOCUMENTS = 600;
    private static final int QUERIES = 400;

    @Test
    void theFileStoreAnswersEverySortedPageAsTheLibraryDoes() {
        assertSamePages(() -> new H2Backend(MVStore.open(null)), () -> SortedPages.file(MVStore.open(null)), 11);
    }

    @Test
    void theMemoryStoreAnswersEverySortedPageAsTheLibraryDoes() {
        assertSamePages(MemoryBackend::new, SortedPages::memory, 12);
    }

    @Test
    void tiesKeepTheOrderTheyCameIn() {
        List<de.bwaldvogel.mongo.bson.Document> documents = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            documents.add(new de.bwaldvogel.mongo.bson.Document("day", i % 3).append("n", i));
        }
        Comparator<de.bwaldvogel.mongo.bson.Document> byDay = Comparator.comparing(d -> (Integer) d.get("day"));

        List<Object> first = SortedPages.first(documents.stream(), byDay, 8)
                .map(d -> d.get("n"))
                .toList();

        assertThat(first)
                .as("a stable sort's first eight")
                .isEqualTo(documents.stream()
                        .sorted(byDay)
                        .limit(8)
                        .map(d -> d.get("n"))
                        .toList())
                .containsExactly(0, 3, 6, 9, 12, 15, 18, 1);
    }

    @Test
    void aReopenedFileServesItsCollectionsWithSortedPages(@TempDir Path dir) {
        String file = dir.resolve("pages.mv").toString();
        MVStore store = MVStore.open(file);
        try (Served served = new Served(SortedPages.file(store))) {
            served.tasks().insertMany(documents(new Random(3), 50));
        } // the server's shutdown closes the backend and its store

        MVStore reopened = MVStore.open(file);
        H2Backend backend = SortedPages.file(reopened);
        try (Served served = new Served(backend)) {
            assertThat(backend.resolveDatabase("pages").resolveCollection("tasks", false))
                    .as("a collection opened from the file before any request, with sorted pages")
                    .satisfies(c -> assertThat(c.getClass().getEnclosingClass()).isEqualTo(SortedPages.class));
            assertThat(served.tasks()
                            .find()
                            .sort(Sorts.ascending("day", "_id"))
                            .limit(5)
                            .into(new ArrayList<>()))
                    .hasSize(5);
        }
    }

    private static void assertSamePages(Supplier<MongoBackend> library, Supplier<MongoBackend> sortedPages, long seed) {
        Random random = new Random(seed);
        List<Document> documents = documents(random, DOCUMENTS);
        try (Served expected = new Served(library.get());
                Served actual = new Served(sortedPages.get())) {
            expected.tasks().insertMany(documents);
            actual.tasks().insertMany(documents);
            for (int q = 0; q < QUERIES; q++) {
                Bson filter = filter(random);
                Bson sort = sort(random);
                int skip = random.nextInt(4) == 0 ? 0 : random.nextInt(DOCUMENTS);
                int limit = switch (random.nextInt(6)) {
                    case 0 -> 0;
                    case 1 -> Integer.MAX_VALUE - skip; // as good as none, as some callers ask
                    default -> 1 + random.nextInt(80);
                };
                Bson projection =
                        random.nextBoolean() ? null : Projections.include("day", random.nextBoolean() ? "unit" : "n");
                String query = "filter " + filter + ", sort " + sort + ", skip " + skip + ", limit " + limit
                        + ", projection " + projection;

                assertThat(page(actual, filter, sort, skip, limit, projection))
                        .as(query)
                        .isEqualTo(page(expected, filter, sort, skip, limit, projection));
            }
        }
    }

    private static List<Document> page(Served served, Bson filter, Bson sort, int skip, int limit, Bson projection) {
        FindIterable<Document> find =
                served.tasks().find(filter).sort(sort).skip(skip).limit(limit).batchSize(7);
        if (projection != null) {
            find = find.projection(projection);
        }
        return find.into(new ArrayList<>());
    }

    /** Days with many ties, some missing or null, a few of another type; units with ties; a nested rank. */
    private static List<Document> documents(Random random, int count) {
        List<Document> documents = new ArrayList<>();
        LocalDate first = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < count; i++) {
            Document d = new Document("_id", "t" + random.nextInt(1_000_000) + "-" + i)
                    .append("n", i)
                    .append("unit", "U" + random.nextInt(6));
            switch (random.nextInt(10)) {
                case 0 -> {} // no day at all
                case 1 -> d.append("day", null);
                case 2 -> d.append("day", "2026-0" + (1 + random.nextInt(9)));
                default ->
                    d.append(
                            "day",
                            Date.from(first.plusDays(random.nextInt(40))
                                    .atStartOfDay(ZoneOffset.UTC)
                                    .toInstant()));
            }
            if (random.nextBoolean()) {
                d.append("rank", new Document("level", random.nextInt(3)));
            }
            documents.add(d);
        }
        return documents;
    }

    private static Bson filter(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> new Document();
            case 1 -> Filters.eq("unit", "U" + random.nextInt(6));
            case 2 ->
                Filters.lte(
                        "day",
                        Date.from(LocalDate.of(2026, 1, 1 + random.nextInt(30))
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()));
            default -> Filters.in("unit", "U" + random.nextInt(6), "U" + random.nextInt(6));
        };
    }

    private static Bson sort(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> Sorts.ascending("day", "_id");
            case 1 -> Sorts.ascending("day");
            case 2 -> Sorts.descending("day");
            case 3 -> Sorts.orderBy(Sorts.ascending("unit"), Sorts.descending("n"));
            case 4 -> Sorts.ascending("rank.level");
            default -> new Document("$natural", 1);
        };
    }

    private static final class Served implements AutoCloseable {

        private final MongoServer server;
        private final MongoClient client;

        Served(MongoBackend backend) {
            server = new MongoServer(backend);
            server.bind("127.0.0.1", 0);
            client = MongoClients.create(
                    "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        }

        MongoCollection<Document> tasks() {
            return client.getDatabase("pages").getCollection("tasks");
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
        }
    }
}
