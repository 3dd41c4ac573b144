package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Subscribers trust that the feed, paged from the start, returns every stored event once and in order.
 * Eight clients write concurrently over HTTP (transactions commit out of position order) while one
 * subscriber pages the feed live and another follows the server-sent stream; afterwards the feed is
 * paged from the start at several page sizes. Every one of them must equal the store's own table:
 * the same positions and event ids, in order, no duplicates. On H2 and on PostgreSQL.
 */
class FeedUnderConcurrentWritersTest {

    static final int WRITERS = 8;
    static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("feed.loadSeconds", 12));

    @TempDir
    Path dataDir;

    record Stored(long position, String id) {}

    @Test
    void onH2() throws Exception {
        try (StandaloneLedger ledger = StandaloneLedger.on(dataDir).start()) {
            check(ledger);
        }
    }

    @Test
    void onPostgres() throws Exception {
        try (StandaloneLedger ledger = StandaloneLedger.on(dataDir)
                .storage(StandaloneLedger.Storage.POSTGRES)
                .start()) {
            check(ledger);
        }
    }

    private void check(StandaloneLedger ledger) throws Exception {
        ConfigurableApplicationContext app = ledger.app();
        LedgerApi api = ledger.api();
        int port = ledger.port();
        List<Stored> live = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger written = new AtomicInteger();
        try (SseClient stream = SseClient.open(port, "auditor", "/api/events/stream", null)) {
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                pool.submit(() -> write(api, writer, stop, written));
            }
            var liveReader = pool.submit(() -> {
                long cursor = -1;
                while (!stop.get()) {
                    cursor = readPage(api, cursor, 50, live);
                }
                return cursor;
            });
            Thread.sleep(LOAD.toMillis());
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            liveReader.get();

            List<Stored> store = stored(app);
            assertThat(written.get()).as("commands written").isGreaterThan(50);
            // the live subscriber goes on from where it was to the end
            long cursor = live.isEmpty() ? -1 : live.get(live.size() - 1).position();
            while (live.size() < store.size()) {
                long before = cursor;
                cursor = readPage(api, cursor, 50, live);
                if (cursor == before) {
                    break;
                }
            }
            assertThat(live).as("paged live, during the writes").containsExactlyElementsOf(store);
            for (int limit : new int[] {1000, 100, 7}) {
                List<Stored> paged = new ArrayList<>();
                long at = -1;
                while (true) {
                    long next = readPage(api, at, limit, paged);
                    if (next == at) {
                        break;
                    }
                    at = next;
                }
                assertThat(paged).as("paged from the start, limit %d", limit).containsExactlyElementsOf(store);
            }
            List<Stored> streamed = new ArrayList<>();
            for (SseClient.Event event : stream.take(store.size(), Duration.ofSeconds(60))) {
                streamed.add(new Stored(
                        Long.parseLong(event.id()),
                        EventFeedEndToEndTest.json(event.data()).get("id").asText()));
            }
            assertThat(streamed).as("the server-sent stream from the start").containsExactlyElementsOf(store);
        }
    }

    private static void write(LedgerApi api, int writer, AtomicBoolean stop, AtomicInteger written) {
        String unit = CrashWorkload.UNITS.get(writer % CrashWorkload.UNITS.size());
        for (int n = 0; !stop.get(); n++) {
            String taskId = "feed-w" + writer + "-" + n;
            for (CrashWorkload.Step step : CrashWorkload.loop(taskId, unit).subList(0, 5)) {
                if (stop.get() || step.send(api).status() / 100 != 2) {
                    return;
                }
                written.incrementAndGet();
            }
        }
    }

    private static long readPage(LedgerApi api, long after, int limit, List<Stored> into) {
        var response = api.get("auditor", "/api/events?after=" + after + "&limit=" + limit);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        long cursor = after;
        for (JsonNode event : response.body()) {
            into.add(new Stored(event.get("position").asLong(), event.get("id").asText()));
            cursor = event.get("position").asLong();
        }
        return cursor;
    }

    private static List<Stored> stored(ConfigurableApplicationContext app) {
        return app.getBean(JdbcTemplate.class)
                .query(
                        "select global_index, event_identifier from domain_event_entry" + " order by global_index",
                        (rs, i) -> new Stored(rs.getLong(1), rs.getString(2)));
    }
}
