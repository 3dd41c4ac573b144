package cn.qinghai.ledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-process FILE store is written to disk only between write requests, so a process killed in the
 * middle of an insert leaves no document without its {@code _id} index entry (ADR 23).
 */
class CommitsBetweenRequestsTest {

    @TempDir
    Path dir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final HalfWrittenInserts inserts = new HalfWrittenInserts();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void release() {
        inserts.release.countDown();
        threads.shutdownNow();
    }

    @Test
    void aStoreThatCommitsByItselfIsRefused() {
        MVStore committingByItself = MVStore.open(dir.resolve("own.mv").toString());
        try {
            assertThatThrownBy(() -> new CommitsBetweenRequests(
                            new H2Backend(committingByItself),
                            committingByItself,
                            Duration.ofSeconds(1),
                            1 << 20,
                            meters))
                    .isInstanceOf(IllegalArgumentException.class);
        } finally {
            committingByItself.close();
        }
    }

    /**
     * Why the backend exists: H2 committing in the middle of an insert (as its background writer may) puts
     * the document on disk without its index entry, and inserting it again is then the server's internal
     * error, not a duplicate key. This is what the audit processor retried for ever after a crash.
     */
    @Test
    void aCommitInTheMiddleOfAnInsertLeavesADocumentItsIndexDoesNotKnow() throws Exception {
        Path file = dir.resolve("left-to-itself.mv");
        MVStore store = CommitsBetweenRequests.open(file.toString(), 4);
        MongoServer server = serve(inserts.backend(store));
        try (MongoClient client = client(server)) {
            MongoCollection<Document> entries = entries(client);
            entries.insertOne(new Document("_id", 0));
            insertHalfDone(entries);

            store.commit();
            store.closeImmediately();
        } finally {
            inserts.release.countDown();
            server.shutdownNow();
        }

        assertThat(reinsertingWhatIsKept(file))
                .containsEntry(0, "duplicate key")
                .hasEntrySatisfying(1, outcome -> assertThat(outcome).startsWith("other:"));
    }

    @Test
    void throughTheBackendACommitWaitsForTheInsertInProgress() throws Exception {
        Path file = dir.resolve("between-requests.mv");
        MVStore store = CommitsBetweenRequests.open(file.toString(), 4);
        var backend = committingOnlyWhenAsked(store);
        MongoServer server = serve(backend);
        try (MongoClient client = client(server)) {
            MongoCollection<Document> entries = entries(client);
            entries.insertOne(new Document("_id", 0));
            assertThat(backend.commit()).isPositive();
            insertHalfDone(entries);

            CompletableFuture<Long> commit = CompletableFuture.supplyAsync(backend::commit, threads);
            Thread.sleep(300);
            assertThat(commit).as("the commit, while the insert is half done").isNotDone();
            assertThat(backend.commits()).isOne();
            assertThat(meters.get(CommitsBetweenRequests.COMMIT_TIMER).timer().count())
                    .isOne();

            store.closeImmediately(); // the process dies here
        } finally {
            inserts.release.countDown();
            server.shutdownNow();
        }

        assertThat(reinsertingWhatIsKept(file)).containsExactly(Map.entry(0, "duplicate key"));
    }

    @Test
    void aCommitAfterTheInsertHasEndedWritesItWhole() throws Exception {
        Path file = dir.resolve("after.mv");
        MVStore store = CommitsBetweenRequests.open(file.toString(), 4);
        var backend = committingOnlyWhenAsked(store);
        MongoServer server = serve(backend);
        try (MongoClient client = client(server)) {
            MongoCollection<Document> entries = entries(client);
            entries.insertOne(new Document("_id", 0));
            CompletableFuture<Void> insert = insertHalfDone(entries);
            CompletableFuture<Long> commit = CompletableFuture.supplyAsync(backend::commit, threads);

            inserts.release.countDown();
            insert.get(10, TimeUnit.SECONDS);
            assertThat(commit.get(10, TimeUnit.SECONDS)).isPositive();
            store.closeImmediately();
        } finally {
            server.shutdownNow();
        }

        assertThat(reinsertingWhatIsKept(file))
                .containsExactly(Map.entry(0, "duplicate key"), Map.entry(1, "duplicate key"));
    }

    /** Inserts {@code _id} 1 on another thread and returns once it is half written (see {@link HalfWrittenInserts}). */
    private CompletableFuture<Void> insertHalfDone(MongoCollection<Document> entries) throws InterruptedException {
        inserts.holdNext.set(true);
        CompletableFuture<Void> insert =
                CompletableFuture.runAsync(() -> entries.insertOne(new Document("_id", 1)), threads);
        assertThat(inserts.halfWritten.await(10, TimeUnit.SECONDS)).isTrue();
        return insert;
    }

    /** The backend over {@code store} with its timed and size-triggered commits out of the way. */
    private CommitsBetweenRequests committingOnlyWhenAsked(MVStore store) {
        return new CommitsBetweenRequests(inserts.backend(store), store, Duration.ofHours(1), Long.MAX_VALUE, meters);
    }

    /** Reopens the file as the next start would and inserts each kept document again: id to outcome. */
    private static Map<Integer, String> reinsertingWhatIsKept(Path file) {
        MVStore reopened = MVStore.open(file.toString());
        MongoServer server = serve(new H2Backend(reopened));
        Map<Integer, String> outcomes = new LinkedHashMap<>();
        try (MongoClient client = client(server)) {
            MongoCollection<Document> entries = entries(client);
            for (Document kept : entries.find().sort(new Document("_id", 1)).into(new ArrayList<>())) {
                String outcome;
                try {
                    entries.insertOne(kept);
                    outcome = "inserted";
                } catch (MongoWriteException e) {
                    outcome = e.getError().getCode() == 11000
                            ? "duplicate key"
                            : "other: " + e.getError().getMessage();
                } catch (RuntimeException e) {
                    outcome = "other: " + e.getMessage();
                }
                outcomes.put(kept.getInteger("_id"), outcome);
            }
        } finally {
            server.shutdownNow();
        }
        return outcomes;
    }

    /**
     * An H2 backend whose next insert, once armed, stops after the document is in the collection's data
     * and before its {@code _id} index has it: the moment a commit must not capture.
     */
    private static final class HalfWrittenInserts {
        final AtomicBoolean holdNext = new AtomicBoolean();
        final CountDownLatch halfWritten = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        H2Backend backend(MVStore store) {
            return new H2Backend(store) {
                @Override
                protected MongoDatabase openOrCreateDatabase(String name) {
                    return new H2Database(name, store, getCursorRegistry()) {
                        @Override
                        protected Index<Object> openOrCreateUniqueIndex(
                                String collection, String indexName, List<IndexKey> keys, boolean sparse) {
                            return new HeldIndex(
                                    super.openOrCreateUniqueIndex(collection, indexName, keys, sparse),
                                    HalfWrittenInserts.this);
                        }
                    };
                }
            };
        }

        void pause() {
            if (holdNext.compareAndSet(true, false)) {
                halfWritten.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The real index, paused before it adds an entry when {@link HalfWrittenInserts} says so. */
    private static final class HeldIndex extends Index<Object> {
        private final Index<Object> index;
        private final HalfWrittenInserts inserts;

        HeldIndex(Index<Object> index, HalfWrittenInserts inserts) {
            super(index.getName(), index.getKeys(), false);
            this.index = index;
            this.inserts = inserts;
        }

        @Override
        public void add(
                de.bwaldvogel.mongo.bson.Document document,
                Object position,
                de.bwaldvogel.mongo.MongoCollection<Object> collection) {
            inserts.pause();
            index.add(document, position, collection);
        }

        @Override
        public Object getPosition(de.bwaldvogel.mongo.bson.Document document) {
            return index.getPosition(document);
        }

        @Override
        public void checkAdd(
                de.bwaldvogel.mongo.bson.Document document, de.bwaldvogel.mongo.MongoCollection<Object> collection) {
            index.checkAdd(document, collection);
        }

        @Override
        public Object remove(de.bwaldvogel.mongo.bson.Document document) {
            return index.remove(document);
        }

        @Override
        public boolean canHandle(de.bwaldvogel.mongo.bson.Document query) {
            return index.canHandle(query);
        }

        @Override
        public Iterable<Object> getPositions(de.bwaldvogel.mongo.bson.Document query) {
            return index.getPositions(query);
        }

        @Override
        public long getCount() {
            return index.getCount();
        }

        @Override
        public long getDataSize() {
            return index.getDataSize();
        }

        @Override
        public void checkUpdate(
                de.bwaldvogel.mongo.bson.Document oldDocument,
                de.bwaldvogel.mongo.bson.Document newDocument,
                de.bwaldvogel.mongo.MongoCollection<Object> collection) {
            index.checkUpdate(oldDocument, newDocument, collection);
        }

        @Override
        public void updateInPlace(
                de.bwaldvogel.mongo.bson.Document oldDocument,
                de.bwaldvogel.mongo.bson.Document newDocument,
                Object position,
                de.bwaldvogel.mongo.MongoCollection<Object> collection) {
            index.updateInPlace(oldDocument, newDocument, position, collection);
        }

        @Override
        public boolean isUnique() {
            return index.isUnique();
        }

        @Override
        public void drop() {
            index.drop();
        }
    }

    private static MongoServer serve(de.bwaldvogel.mongo.MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        return server;
    }

    private static MongoClient client(MongoServer server) {
        return MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    private static MongoCollection<Document> entries(MongoClient client) {
        return client.getDatabase("t").getCollection("entries");
    }
}
