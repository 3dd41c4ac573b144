package cn.qinghai.ledger.query.platform;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Comparator;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The in-process store's backends, answering a sorted page by keeping only the page's documents (ADR 24).
 *
 * <p>mongo-java-server honours no secondary index, so a sorted {@code find} reads every document of the
 * collection; that it cannot avoid. It then sorts every matching document and cuts the page from the sorted
 * whole: for the task list (a page of 50 by due date over 100,000 tasks) the sort cost more than the scan.
 * Here a sorted query with a limit keeps the {@code skip + limit} first matches in a bounded heap while it
 * scans and hands only those to the library, which sorts, skips, limits and projects them as before. Ties
 * keep the order in which the scan met them, as the library's stable sort does, so every page is the one
 * the library would answer. Unsorted or unlimited queries are left to the library untouched.
 */
public final class SortedPages {

    private SortedPages() {}

    /** The FILE store: H2 MVStore {@code store}'s collections, sorted pages cut while scanning. */
    public static H2Backend file(MVStore store) {
        return new FilePages(store);
    }

    /** The MEMORY store (tests, throw-away runs), sorted pages cut while scanning. */
    public static MemoryBackend memory() {
        return new MemoryPages();
    }

    /**
     * The first {@code count} documents of {@code matching} in {@code order}, in that order, ties in the
     * order they came: what a stable sort of the whole stream would start with.
     */
    static Stream<Document> first(Stream<Document> matching, Comparator<Document> order, int count) {
        Comparator<Met> byOrderThenArrival =
                Comparator.comparing(Met::document, order).thenComparingLong(Met::arrival);
        PriorityQueue<Met> kept = new PriorityQueue<>(byOrderThenArrival.reversed());
        long arrival = 0;
        for (Iterator<Document> it = matching.iterator(); it.hasNext(); ) {
            Met met = new Met(it.next(), arrival++);
            if (kept.size() < count) {
                kept.add(met);
            } else if (byOrderThenArrival.compare(met, kept.peek()) < 0) {
                kept.poll();
                kept.add(met);
            }
        }
        return kept.stream().sorted(byOrderThenArrival).map(Met::document);
    }

    /**
     * What a collection hands its library superclass: for a sorted query with a limit, only the page's
     * candidates; otherwise the documents as they are.
     */
    private static Stream<Document> candidates(
            Stream<Document> documents, Predicate<Document> matches, int skip, int limit, Comparator<Document> order) {
        long count = (long) Math.max(skip, 0) + limit;
        if (order == null || limit <= 0 || count > Integer.MAX_VALUE) {
            return documents;
        }
        return first(documents.filter(matches), order, (int) count);
    }

    private record Met(Document document, long arrival) {}

    private static final class FilePages extends H2Backend {

        FilePages(MVStore store) {
            super(store);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new FilePagesDatabase(databaseName);
        }

        /*
         * An inner class on purpose: H2Database's constructor opens the existing collections through
         * openOrCreateCollection before any field of a subclass is set, while the reference to the enclosing
         * backend (and so its store) is set before the superclass constructor runs.
         */
        private final class FilePagesDatabase extends H2Database {

            FilePagesDatabase(String databaseName) {
                super(databaseName, FilePages.this.getMvStore(), FilePages.this.getCursorRegistry());
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collectionName);
                // the map names H2Database gives a collection's documents and its metadata
                MVMap<Object, Document> data = FilePages.this.getMvStore().openMap("databases." + namespace);
                MVMap<String, Object> meta = FilePages.this.getMvStore().openMap("meta." + namespace);
                return new FilePagesCollection(this, collectionName, options, data, meta, cursorRegistry);
            }
        }
    }

    private static final class FilePagesCollection extends H2Collection {

        FilePagesCollection(
                MongoDatabase database,
                String name,
                CollectionOptions options,
                MVMap<Object, Document> data,
                MVMap<String, Object> meta,
                CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult matchDocumentsFromStream(
                Document query,
                Stream<Document> documents,
                int skip,
                int limit,
                int batchSize,
                Comparator<Document> order,
                Document fields) {
            return super.matchDocumentsFromStream(
                    query,
                    candidates(documents, d -> documentMatchesQuery(d, query), skip, limit, order),
                    skip,
                    limit,
                    batchSize,
                    order,
                    fields);
        }
    }

    private static final class MemoryPages extends MemoryBackend {

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {
                @Override
                protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                    return new MemoryPagesCollection(this, collectionName, options, cursorRegistry);
                }
            };
        }
    }

    private static final class MemoryPagesCollection extends MemoryCollection {

        MemoryPagesCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected QueryResult matchDocumentsFromStream(
                Document query,
                Stream<Document> documents,
                int skip,
                int limit,
                int batchSize,
                Comparator<Document> order,
                Document fields) {
            return super.matchDocumentsFromStream(
                    query,
                    candidates(documents, d -> documentMatchesQuery(d, query), skip, limit, order),
                    skip,
                    limit,
                    batchSize,
                    order,
                    fields);
        }
    }
}
