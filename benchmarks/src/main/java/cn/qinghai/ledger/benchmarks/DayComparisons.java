package cn.qinghai.ledger.benchmarks;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import cn.qinghai.ledger.query.platform.SortedPages;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;

/**
 * The task list's two queries on the in-process store (mongo-java-server, H2 file backend, as the embedded
 * default runs it) with days kept as ISO text (before ADR 21) and as BSON dates (since), each on the library's
 * own backend, and with dates on the ledger's backend that cuts a sorted page while scanning (ADR 24,
 * {@link SortedPages}): the plain list and the RED list, each a page of 50 sorted by due date plus the count,
 * over {@code tasks} task-shaped documents (one in three never red). The store reads every document for either
 * query (it honours no secondary index), so what differs is the cost of comparing and sorting the days. Each
 * variant is built in its own store and timed {@value #SAMPLES} times after {@value #WARMUP} warm-up rounds,
 * twice, alternating.
 * {@code java -jar ledger-benchmarks.jar --day-comparisons TASKS}; prints figures, asserts nothing.
 */
final class DayComparisons {

    static final int SAMPLES = 15;
    static final int WARMUP = 3;
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    private DayComparisons() {}

    /** How the days are kept and which backend serves them; {@code key} names its figures. */
    private record Variant(
            String name, String key, Function<LocalDate, Object> day, Function<String, MongoBackend> backend) {}

    private static final Variant TEXT = new Variant("text", "textLibrarySort", LocalDate::toString, H2Backend::new);
    private static final Variant DATE = new Variant("date", "dateLibrarySort", DayComparisons::date, H2Backend::new);
    private static final Variant SORTED_PAGES = new Variant(
            "date, sorted pages",
            "dateSortedPages",
            DayComparisons::date,
            file -> SortedPages.file(MVStore.open(file)));

    /** One of the task list's two queries; {@code key} names its figures. */
    private record ListQuery(String name, String key, Bson filter) {}

    /** Prints the figures; writes them as JSON to {@code out} too, with the lists' cost against days as text. */
    static void run(int tasks, Path work, Path out) throws Exception {
        Files.createDirectories(work);
        Results results = new Results("day-comparisons");
        results.setting("tasks", tasks);
        results.setting("store", "in-process MongoDB wire-protocol server, H2 file backend (MVStore defaults)");
        results.setting("query", "a page of 50 by due date and _id, plus countDocuments; " + SAMPLES + " samples");
        Map<String, List<Long>> p50s = new LinkedHashMap<>();
        for (int round = 1; round <= 2; round++) {
            for (Variant variant : List.of(TEXT, DATE, SORTED_PAGES)) {
                measure(variant, tasks, work, round, results, p50s);
            }
        }
        for (String list : List.of("plain", "red")) {
            double before = mean(p50s.get(TEXT.key() + "." + list));
            double now = mean(p50s.get(SORTED_PAGES.key() + "." + list));
            results.target(
                    "lists." + list + ".ratioToDaysAsText",
                    now / before,
                    String.format(Locale.ROOT, "%.0f ms against %.0f ms (means of the rounds' p50)", now, before),
                    false,
                    1.0,
                    "the list as the ledger runs it (dates, sorted pages) ÷ as before ADR 21 (text, the library's sort)");
        }
        if (out != null) {
            results.write(out);
            System.out.println("written " + out.toAbsolutePath());
        }
    }

    private static double mean(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
    }

    private static Object date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static void measure(
            Variant variant, int tasks, Path work, int round, Results results, Map<String, List<Long>> p50s)
            throws Exception {
        Path file = work.resolve("days-" + variant.key() + "-" + round + ".mv");
        Files.deleteIfExists(file);
        MongoServer server = new MongoServer(variant.backend().apply(file.toString()));
        try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server))) {
            MongoCollection<Document> collection = client.getDatabase("days").getCollection("tasks");
            fill(collection, variant.day(), tasks);
            Bson plain = eq("conferenceId", "qh");
            Bson red = and(plain, lte("redFrom", variant.day().apply(TODAY)));
            for (ListQuery list :
                    List.of(new ListQuery("plain list", "plain", plain), new ListQuery("RED list", "red", red))) {
                long[] millis = time(collection, list.filter());
                System.out.printf(
                        "days as %s, %s: p50 %d ms, min %d ms, max %d ms (%d matching of %d)%n",
                        variant.name(),
                        list.name(),
                        millis[SAMPLES / 2],
                        millis[0],
                        millis[SAMPLES - 1],
                        collection.countDocuments(list.filter()),
                        tasks);
                p50s.computeIfAbsent(variant.key() + "." + list.key(), k -> new ArrayList<>())
                        .add(millis[SAMPLES / 2]);
                results.put(
                        "lists." + list.key() + "." + variant.key() + ".p50Ms.round" + round,
                        millis[SAMPLES / 2],
                        "ms",
                        String.format(Locale.ROOT, "min %d ms, max %d ms", millis[0], millis[SAMPLES - 1]),
                        "days as " + variant.name() + ", " + list.name());
            }
        } finally {
            server.shutdownNow();
            Files.deleteIfExists(file);
        }
    }

    private static String hostAndPort(MongoServer server) {
        server.bind("127.0.0.1", 0);
        return "127.0.0.1:" + server.getLocalAddress().getPort();
    }

    private static void fill(MongoCollection<Document> collection, Function<LocalDate, Object> day, int tasks) {
        Random random = new Random(1);
        LocalDate first = LocalDate.of(2026, 1, 1);
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            LocalDate due = first.plusDays(random.nextInt(700));
            batch.add(new Document("_id", "t" + i)
                    .append("conferenceId", "qh")
                    .append("title", "任务" + i)
                    .append("status", "IN_PROGRESS")
                    .append("dueDate", day.apply(due))
                    .append("redFrom", random.nextInt(3) == 0 ? null : day.apply(due.plusDays(1))));
            if (batch.size() == 1_000) {
                collection.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
    }

    private static long[] time(MongoCollection<Document> collection, Bson filter) {
        long[] millis = new long[SAMPLES];
        for (int i = -WARMUP; i < SAMPLES; i++) {
            long start = System.nanoTime();
            collection
                    .find(filter)
                    .sort(Sorts.ascending("dueDate", "_id"))
                    .limit(50)
                    .into(new ArrayList<>());
            collection.countDocuments(filter);
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
        }
        Arrays.sort(millis);
        return millis;
    }
}
