package cn.qinghai.ledger.query.audit;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.qinghai.ledger.query.audit.ChainVerification.KeptCheckpoint;
import cn.qinghai.ledger.query.audit.ChainVerification.StoredEvent;
import cn.qinghai.ledger.query.audit.VerificationReport.Discrepancy;
import cn.qinghai.ledger.query.audit.VerificationReport.Kind;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What verification reports when the event store, the audit trail or both were changed after the
 * trail recorded the history: the store side is a list of canonical events, the trail is written by
 * the real projection through the real MongoDB driver.
 */
class ChainVerificationTest {

    MongoServer server;
    MongoClient client;
    MongoDatabase db;
    AuditTrail trail;
    AuditTrailProjection projection;
    /** The store as the trail recorded it: positions 0..5. */
    List<CanonicalEvent> recorded = new ArrayList<>();

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        db = client.getDatabase("test");
        trail = new AuditTrail(db);
        Serializer serializer = JacksonSerializer.defaultSerializer();
        projection = new AuditTrailProjection(trail, serializer, GlobalIndexLookup.NONE);
        for (int p = 0; p < 6; p++) {
            recorded.add(event(p, "{\"title\":\"事项" + p + "\"}"));
        }
        recorded.forEach(projection::record);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    static CanonicalEvent event(long position, String payload) {
        return new CanonicalEvent(
                position,
                "e-" + position,
                "Task",
                "t-1",
                position,
                "x.TaskEvent",
                "1",
                Instant.parse("2026-03-02T01:00:00Z").plusSeconds(position),
                payload.getBytes(StandardCharsets.UTF_8),
                Map.of("actor", "office", "actorRole", "OFFICE"));
    }

    VerificationReport verify(List<CanonicalEvent> store, KeptCheckpoint checkpoint) {
        Long storeHead = store.isEmpty() ? null : store.get(store.size() - 1).position();
        Long recordedHead = AuditTrail.position(trail.head());
        try (MongoCursor<Document> entries = trail.upTo(recordedHead)) {
            return new ChainVerification(recordedHead, checkpoint)
                    .run(store.stream().map(StoredEvent::of).iterator(), entries, storeHead, Instant.now());
        }
    }

    List<CanonicalEvent> store(UnaryOperator<List<CanonicalEvent>> tamper) {
        return tamper.apply(new ArrayList<>(recorded));
    }

    KeptCheckpoint checkpointAt(long position) {
        return new KeptCheckpoint(position, trail.entry(position).getString(AuditEntries.LINK));
    }

    @Test
    void anUntouchedHistoryVerifiesAndMatchesItsCheckpoint() {
        VerificationReport report = verify(recorded, checkpointAt(3));

        assertThat(report.ok()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(6);
        assertThat(report.discrepancies()).isEmpty();
        assertThat(report.headHash()).isEqualTo(trail.entry(5).getString(AuditEntries.LINK));
        assertThat(report.checkpoint().matches()).isTrue();
    }

    @Test
    void anAlteredPayloadIsNamedAtItsPositionAndBreaksTheCheckpointsAfterIt() {
        VerificationReport report = verify(
                store(s -> {
                    s.set(2, event(2, "{\"title\":\"改过的事项\"}"));
                    return s;
                }),
                checkpointAt(4));

        assertThat(report.ok()).isFalse();
        assertThat(report.firstDiscrepancy().position()).isEqualTo(2);
        assertThat(report.firstDiscrepancy().kind()).isEqualTo(Kind.ALTERED);
        assertThat(report.firstDiscrepancy().detail()).contains("payload");
        assertThat(report.discrepancyCount())
                .as("the links after it differ as a consequence only")
                .isEqualTo(1);
        assertThat(report.checkpoint().matches()).isFalse();
        assertThat(report.checkpoint().detail()).contains("position 2");

        assertThat(verify(
                                store(s -> {
                                    s.set(4, event(4, "{\"title\":\"改过的事项\"}"));
                                    return s;
                                }),
                                checkpointAt(3))
                        .checkpoint()
                        .matches())
                .as("a checkpoint before the change still holds")
                .isTrue();
    }

    @Test
    void aDeletedEventIsNamedAtItsMissingPosition() {
        VerificationReport report = verify(
                store(s -> {
                    s.remove(3);
                    return s;
                }),
                checkpointAt(5));

        assertThat(report.discrepancies())
                .extracting(Discrepancy::position, Discrepancy::kind)
                .containsExactly(tuple(3L, Kind.DELETED));
        assertThat(report.checkpoint().matches()).isFalse();

        VerificationReport lastDeleted = verify(
                store(s -> {
                    s.remove(5);
                    return s;
                }),
                checkpointAt(5));
        assertThat(lastDeleted.firstDiscrepancy().position()).isEqualTo(5);
        assertThat(lastDeleted.firstDiscrepancy().kind()).isEqualTo(Kind.DELETED);
        assertThat(lastDeleted.checkpoint().detail()).contains("ends before");
    }

    @Test
    void anEventSlippedIntoTheStoreBelowTheRecordedHeadIsNamedAsInserted() {
        db.getCollection(AuditTrail.ENTRIES).deleteMany(new Document());
        List<CanonicalEvent> withHole = store(s -> {
            s.remove(4);
            return s;
        });
        withHole.forEach(projection::record);

        VerificationReport report = verify(recorded, null);

        assertThat(report.firstDiscrepancy().position()).isEqualTo(4);
        assertThat(report.firstDiscrepancy().kind()).isEqualTo(Kind.INSERTED);
        assertThat(report.discrepancyCount()).isEqualTo(1);
    }

    @Test
    void eventsTheTrailHasNotReachedYetAreNoDiscrepancy() {
        VerificationReport report = verify(
                store(s -> {
                    s.add(event(6, "{}"));
                    return s;
                }),
                null);

        assertThat(report.ok()).isTrue();
        assertThat(report.notYetRecorded()).isEqualTo(1);
    }

    @Test
    void editsOfTheTrailItselfAreNamed() {
        var entries = db.getCollection(AuditTrail.ENTRIES);
        entries.updateOne(eq("_id", 1L), Updates.set(AuditEntries.ACTOR, "someone-else"));
        entries.updateOne(eq("_id", 3L), Updates.set(AuditEntries.LINK, "00".repeat(32)));
        entries.updateOne(eq("_id", 5L), Updates.set(AuditEntries.DIGEST, "11".repeat(32)));

        VerificationReport report = verify(recorded, null);

        assertThat(report.discrepancies())
                .extracting(Discrepancy::position, Discrepancy::kind)
                .containsExactly(
                        tuple(1L, Kind.RECORD_ALTERED), tuple(3L, Kind.CHAIN_BROKEN), tuple(5L, Kind.RECORD_ALTERED));
        assertThat(report.discrepancies().get(0).detail()).contains("actor");
    }

    @Test
    void aStoreAndTrailRewrittenConsistentlyPassOnlyWithoutACheckpoint() {
        KeptCheckpoint kept = checkpointAt(5);
        List<CanonicalEvent> rewritten = store(s -> {
            s.set(1, event(1, "{\"title\":\"重写的历史\"}"));
            return s;
        });
        db.getCollection(AuditTrail.ENTRIES).deleteMany(new Document());
        rewritten.forEach(projection::record);

        VerificationReport report = verify(rewritten, kept);

        assertThat(report.discrepancies()).isEmpty();
        assertThat(report.checkpoint().matches()).isFalse();
        assertThat(report.ok()).isFalse();
    }
}
