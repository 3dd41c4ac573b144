package cn.qinghai.ledger.query.platform;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.channel.Channel;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process FILE store's backend, committed to its file only between write requests (ADR 23).
 *
 * <p>mongo-java-server writes one inserted document in two MVStore maps, the collection's data and its
 * {@code _id} index, one after the other; H2 left to itself commits whenever its background writer or its
 * memory threshold says so, which can fall between the two. A process killed after such a commit left a
 * document its index did not know: the trail's redelivered entry then failed with an assertion instead of
 * a duplicate key, and the audit processor retried it for ever (the crash test found it). So the store is
 * opened with H2's automatic commits off ({@link #open}), every request that may write holds a shared lock,
 * and commits take it exclusively: what is on disk is always the state between two requests, every
 * document with its index entries, the tokens with what they stand for request by request.
 *
 * <p>Reads do not take the lock: MVStore reads see a consistent version whatever commits meanwhile. A
 * commit runs every {@code interval}, or at once when the unsaved pages pass {@code unsavedLimitBytes};
 * now and then it also compacts the file, which H2's background writer did before.
 */
final class CommitsBetweenRequests implements MongoBackend {

    private static final Logger log = LoggerFactory.getLogger(CommitsBetweenRequests.class);

    /**
     * Commands that do not write: they run without waiting for a commit. Anything else may write. An
     * {@code aggregate} could write through {@code $out} or {@code $merge}; the ledger's pipelines use neither.
     */
    private static final Set<String> READS = Set.of(
            "find",
            "getmore",
            "count",
            "distinct",
            "aggregate",
            "listcollections",
            "listindexes",
            "listdatabases",
            "ping",
            "hello",
            "ismaster",
            "buildinfo",
            "killcursors",
            "endsessions",
            "dbstats",
            "collstats",
            "serverstatus",
            "getlasterror");

    static final String COMMIT_TIMER = "ledger.readmodels.commits";

    /** The fill rate below which a commit also rewrites partly used chunks, and how much it may write. */
    private static final int COMPACT_BELOW_FILL_RATE = 70;

    private static final int COMPACT_WRITE_BYTES = 16 << 20;
    private static final Duration COMPACT_EVERY = Duration.ofSeconds(30);

    private final MongoBackend backend;
    private final MVStore store;
    private final long unsavedLimitBytes;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final ScheduledExecutorService committer;
    private final AtomicBoolean commitRequested = new AtomicBoolean();
    private final Timer commitTimer;
    private long lastCompactNanos = System.nanoTime(); // read and written under the exclusive lock

    CommitsBetweenRequests(
            MongoBackend backend, MVStore store, Duration interval, long unsavedLimitBytes, MeterRegistry meters) {
        if (store.getAutoCommitDelay() != 0 || store.getAutoCommitMemory() != 0) {
            throw new IllegalArgumentException("the store commits by itself; open it with CommitsBetweenRequests.open");
        }
        this.backend = backend;
        this.store = store;
        this.unsavedLimitBytes = unsavedLimitBytes;
        this.commitTimer = Timer.builder(COMMIT_TIMER)
                .description("commits of the in-process read-model store: write requests wait meanwhile")
                .register(meters);
        this.committer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "readmodels-commit");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, interval.toMillis());
        committer.scheduleWithFixedDelay(this::commitQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** Opens an MVStore file that never commits by itself: neither in the background nor on a full buffer. */
    static MVStore open(String fileName, int cacheMb) {
        return new MVStore.Builder()
                .fileName(fileName)
                .cacheSize(cacheMb)
                .autoCommitDisabled()
                .autoCommitBufferSize(0)
                .open();
    }

    /** Writes what the completed requests changed, while no write request runs; returns the new version. */
    long commit() {
        lock.writeLock().lock();
        try {
            commitRequested.set(false);
            if (store.isClosed()) {
                return -1;
            }
            long start = System.nanoTime();
            long version = store.commit();
            long now = System.nanoTime();
            if (now - lastCompactNanos >= COMPACT_EVERY.toNanos()) {
                lastCompactNanos = now;
                if (store.compact(COMPACT_BELOW_FILL_RATE, COMPACT_WRITE_BYTES)) {
                    version = store.commit();
                }
            }
            commitTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return version;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** How many commits this backend made (its timer counts them). */
    long commits() {
        return commitTimer.count();
    }

    private void commitQuietly() {
        try {
            commit();
        } catch (RuntimeException e) {
            // The next round tries again; a store that cannot write its file fails the requests too.
            log.error("the in-process read-model store could not write its file", e);
        }
    }

    private <T> T write(Supplier<T> request) {
        lock.readLock().lock();
        try {
            return request.get();
        } finally {
            lock.readLock().unlock();
            if (store.getUnsavedMemory() > unsavedLimitBytes && commitRequested.compareAndSet(false, true)) {
                try {
                    committer.execute(this::commitQuietly);
                } catch (RejectedExecutionException closing) {
                    // closing: close() writes what is left
                }
            }
        }
    }

    private static boolean reads(String command) {
        return command != null && READS.contains(command.toLowerCase(Locale.ROOT));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (reads(command)) {
            return backend.handleCommand(channel, database, command, query);
        }
        return write(() -> backend.handleCommand(channel, database, command, query));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document body = message.getDocument();
        String command = body.isEmpty() ? null : body.keySet().iterator().next();
        if (reads(command)) {
            return backend.handleMessage(message);
        }
        return write(() -> backend.handleMessage(message));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return write(() -> backend.handleQuery(query));
    }

    @Override
    public void dropDatabase(String database) {
        write(() -> {
            backend.dropDatabase(database);
            return null;
        });
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return write(() -> backend.resolveDatabase(database));
    }

    @Override
    public void handleClose(Channel channel) {
        backend.handleClose(channel);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return backend.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return backend.getServerStatus();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        backend.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return backend.getClock();
    }

    @Override
    public void enableOplog() {
        backend.enableOplog();
    }

    @Override
    public void disableOplog() {
        backend.disableOplog();
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        backend.version(version);
        return this;
    }

    /**
     * Stops the committer and closes the store, which writes what is left. A running commit is awaited,
     * not interrupted: an interrupt closes the store's file channel.
     */
    @Override
    public void close() {
        committer.shutdown();
        try {
            if (!committer.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("a commit of the in-process read-model store did not end within 30 s; closing anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.writeLock().lock();
        try {
            backend.close();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
