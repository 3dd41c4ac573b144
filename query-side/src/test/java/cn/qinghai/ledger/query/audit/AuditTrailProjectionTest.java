package cn.qinghai.ledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qinghai.ledger.events.conference.ConferenceEstablishedEvent;
import cn.qinghai.ledger.events.conference.LiaisonFiledEvent;
import cn.qinghai.ledger.events.conference.MemberUnitAddedEvent;
import cn.qinghai.ledger.events.conference.UnitDutiesUpdatedEvent;
import cn.qinghai.ledger.query.platform.ProcessorBatch;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The audit trail projection through the real MongoDB driver, against an in-memory wire-protocol server. */
class AuditTrailProjectionTest {

    static final String CID = "qh-infant-care";
    static final LocalDate D1 = LocalDate.of(2021, 8, 12);
    static final Instant T0 = Instant.parse("2021-08-12T01:00:00Z");

    final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder().findAndAddModules().build())
            .build();
    /** Where the "event store" keeps each event: what the JPA lookup would answer. */
    final Map<String, Long> storePositions = new HashMap<>();

    MongoServer server;
    MongoClient client;
    MongoDatabase db;
    AuditTrail trail;
    AuditTrailProjection projection;
    AuditQueries queries;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        db = client.getDatabase("test");
        trail = new AuditTrail(db);
        projection = new AuditTrailProjection(
                trail,
                serializer,
                id -> storePositions.containsKey(id) ? OptionalLong.of(storePositions.get(id)) : OptionalLong.empty());
        queries = new AuditQueries(trail, ZoneId.of("Asia/Shanghai"));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    /** The seed-like history: establishment by the system, units added by the office, a liaison by a unit. */
    List<TrackedEventMessage<?>> history() {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        events.add(event(
                0,
                0,
                new ConferenceEstablishedEvent(CID, "联席会议", "青政办函〔2021〕138号", List.of(), "health", D1),
                who("system", "SYSTEM", null, "seed")));
        events.add(event(
                1,
                1,
                new MemberUnitAddedEvent(CID, "health", "省卫生健康委", List.of("牵头"), D1),
                who("office", "OFFICE", "health", "增补成员单位")));
        events.add(event(
                2,
                2,
                new MemberUnitAddedEvent(CID, "education", "省教育厅", List.of("人才"), D1),
                who("office", "OFFICE", "health", null)));
        events.add(event(
                3,
                3,
                new LiaisonFiledEvent(CID, "education", "李一", "处长", "0971-1", D1),
                who("unit-education", "UNIT", "education", "=cmd|' /C calc'!A0")));
        return events;
    }

    TrackedEventMessage<?> event(long position, long seq, Object payload, Map<String, Object> metaData) {
        return event(new GlobalSequenceTrackingToken(position), position, seq, payload, metaData);
    }

    TrackedEventMessage<?> event(
            TrackingToken token, long position, long seq, Object payload, Map<String, Object> metaData) {
        String id = "event-" + position;
        storePositions.put(id, position);
        return new GenericTrackedDomainEventMessage<>(
                token,
                new GenericDomainEventMessage<>(
                        "Conference", CID, seq, payload, metaData, id, T0.plusSeconds(position)));
    }

    static Map<String, Object> who(String actor, String role, String unit, String reason) {
        Map<String, Object> meta = new HashMap<>();
        meta.put("actor", actor);
        meta.put("actorRole", role);
        if (unit != null) {
            meta.put("actorUnit", unit);
        }
        if (reason != null) {
            meta.put("reason", reason);
        }
        meta.put("requestId", "req-" + actor);
        meta.put("traceId", "command-of-" + actor);
        meta.put("correlationId", "cause-of-" + actor);
        return meta;
    }

    void deliver(List<TrackedEventMessage<?>> events) {
        events.forEach(projection::on);
    }

    /** An office change of a unit's duties at {@code position}, tracked by a gap-aware token. */
    TrackedEventMessage<?> duties(long tokenIndex, Set<Long> gaps, long position, String duty) {
        return event(
                GapAwareTrackingToken.newInstance(tokenIndex, gaps),
                position,
                position,
                new UnitDutiesUpdatedEvent(CID, "health", List.of(duty)),
                who("office", "OFFICE", null, null));
    }

    /** Each entry's link chains the stored events in position order from the genesis. */
    void assertChainedInPositionOrder(List<AuditEntry> entries, List<TrackedEventMessage<?>> storeOrder) {
        byte[] link = AuditChain.GENESIS;
        for (var stored : storeOrder) {
            int position = Integer.parseInt(stored.getIdentifier().substring("event-".length()));
            link = AuditChain.link(
                    link, CanonicalEvent.of(position, stored, serializer).digest());
            assertThat(entries.get(position).link()).as("link at %s", position).isEqualTo(AuditChain.hex(link));
        }
    }

    /** Delivers the events as one processor batch. */
    void deliverInOneBatch(List<TrackedEventMessage<?>> events) throws Exception {
        List<Runnable> steps = new ArrayList<>();
        events.forEach(e -> steps.add(() -> projection.on(e)));
        ProcessorBatch.run(steps);
    }

    AuditPage find(AuditFilter filter) {
        return queries.handle(new FindAuditEntriesQuery(filter, 0, 50));
    }

    List<Document> snapshot() {
        return db.getCollection(AuditTrail.ENTRIES)
                .find()
                .sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
    }

    @Test
    void everyEventBecomesOneEntryInGlobalOrderWithWhoWhyAndItsPayload() {
        deliver(history());

        AuditPage all = find(AuditFilter.none());
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.items()).extracting(AuditEntry::position).containsExactly(0L, 1L, 2L, 3L);
        AuditEntry added = all.items().get(1);
        assertThat(added.eventId()).isEqualTo("event-1");
        assertThat(added.aggregateType()).isEqualTo("Conference");
        assertThat(added.aggregateId()).isEqualTo(CID);
        assertThat(added.sequenceNumber()).isEqualTo(1L);
        assertThat(added.type()).isEqualTo("MemberUnitAddedEvent");
        assertThat(added.revision()).isEqualTo("1");
        assertThat(added.timestamp().toInstant()).isEqualTo(T0.plusSeconds(1));
        assertThat(added.timestamp().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
        assertThat(added.actor()).isEqualTo("office");
        assertThat(added.actorRole()).isEqualTo("OFFICE");
        assertThat(added.actorUnit()).isEqualTo("health");
        assertThat(added.reason()).isEqualTo("增补成员单位");
        assertThat(added.requestId()).isEqualTo("req-office");
        assertThat(added.traceId()).isEqualTo("command-of-office");
        assertThat(added.causationId()).isEqualTo("cause-of-office");
        assertThat(added.payload()).containsEntry("name", "省卫生健康委").containsEntry("unitCode", "health");
        assertThat(added.units()).containsExactly("health");
    }

    @Test
    void eachEntryCarriesItsLinkInTheHashChainOverTheStoredEvents() {
        List<TrackedEventMessage<?>> events = history();
        deliver(events);

        byte[] link = AuditChain.GENESIS;
        for (AuditEntry entry : find(AuditFilter.none()).items()) {
            CanonicalEvent stored = CanonicalEvent.of(entry.position(), events.get((int) entry.position()), serializer);
            link = AuditChain.link(link, stored.digest());
            assertThat(entry.digest()).isEqualTo(AuditChain.hex(stored.digest()));
            assertThat(entry.link()).as("link at %s", entry.position()).isEqualTo(AuditChain.hex(link));
        }
    }

    @Test
    void theTrailFiltersByEntityActorUnitTypeAndTime() {
        deliver(history());

        assertThat(find(new AuditFilter(null, "office", null, null, null, null)).items())
                .extracting(AuditEntry::position)
                .containsExactly(1L, 2L);
        assertThat(find(new AuditFilter(null, null, "education", null, null, null))
                        .items())
                .as("the actor's unit or a unit the event concerns")
                .extracting(AuditEntry::position)
                .containsExactly(2L, 3L);
        assertThat(find(new AuditFilter(null, null, "health", null, null, null)).items())
                .extracting(AuditEntry::position)
                .containsExactly(0L, 1L, 2L);
        assertThat(find(new AuditFilter(null, null, null, "LiaisonFiledEvent", null, null))
                        .items())
                .extracting(AuditEntry::position)
                .containsExactly(3L);
        assertThat(find(new AuditFilter(CID, null, null, null, T0.plusSeconds(1), T0.plusSeconds(3)))
                        .items())
                .extracting(AuditEntry::position)
                .containsExactly(1L, 2L);
        assertThat(find(new AuditFilter("another", null, null, null, null, null))
                        .total())
                .isZero();
        AuditPage second = queries.handle(new FindAuditEntriesQuery(AuditFilter.none(), 1, 3));
        assertThat(second.items()).extracting(AuditEntry::position).containsExactly(3L);
        assertThat(second.total()).isEqualTo(4);
    }

    @Test
    void pagesOfTheWholeTrailFollowTheGlobalOrderAcrossGaps() {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        for (long p : new long[] {0, 1, 3, 4, 7}) {
            events.add(event(
                    p,
                    p,
                    new UnitDutiesUpdatedEvent(CID, "health", List.of("x" + p)),
                    who("office", "OFFICE", null, null)));
        }
        deliver(events);

        assertThat(page(0, 2)).containsExactly(0L, 1L);
        assertThat(page(1, 2)).containsExactly(3L, 4L);
        assertThat(page(2, 2)).containsExactly(7L);
        assertThat(page(3, 2)).isEmpty();
        assertThat(queries.handle(new FindAuditEntriesQuery(AuditFilter.none(), 0, 2))
                        .total())
                .isEqualTo(5);
    }

    List<Long> page(int page, int size) {
        return queries.handle(new FindAuditEntriesQuery(AuditFilter.none(), page, size)).items().stream()
                .map(AuditEntry::position)
                .toList();
    }

    @Test
    void redeliveredEventsChangeNothing() {
        List<TrackedEventMessage<?>> events = history();
        deliver(events);
        List<Document> once = snapshot();

        deliver(events); // the whole stream again
        deliver(events.subList(1, 3)); // and a stretch of older events after newer ones
        assertThat(snapshot()).isEqualTo(once);
    }

    @Test
    void batchesRecordWhatEventsOneByOneRecordAndARedeliveredBatchChangesNothing() throws Exception {
        List<TrackedEventMessage<?>> events = history();
        deliver(events);
        List<Document> oneByOne = snapshot();
        db.getCollection(AuditTrail.ENTRIES).drop();
        db.getCollection(AuditTrail.MARKS).drop();

        deliverInOneBatch(events.subList(0, 2)); // a new trail: event by event, and the mark is set
        deliverInOneBatch(events.subList(2, 4)); // above the mark: chained in memory, inserted together
        assertThat(snapshot()).isEqualTo(oneByOne);

        deliverInOneBatch(events);
        deliverInOneBatch(events.subList(1, 3));
        assertThat(snapshot()).isEqualTo(oneByOne);
    }

    @Test
    void aLateEventInALaterBatchIsPlacedAtItsOwnPositionAndTheLinksAfterItAreRecomputed() throws Exception {
        var e0 = duties(0, Set.of(), 0, "a");
        var e1 = duties(1, Set.of(), 1, "b");
        var e3 = duties(3, Set.of(2L), 3, "d");
        var e2 = duties(3, Set.of(), 2, "c");
        var e4 = duties(4, Set.of(), 4, "e");
        deliverInOneBatch(List.of(e0));
        deliverInOneBatch(List.of(e1, e3));
        deliverInOneBatch(List.of(e2, e4)); // the late event ends the run; the next one starts a new run

        List<AuditEntry> entries = find(AuditFilter.none()).items();
        assertThat(entries)
                .extracting(AuditEntry::eventId)
                .containsExactly("event-0", "event-1", "event-2", "event-3", "event-4");
        assertChainedInPositionOrder(entries, List.of(e0, e1, e2, e3, e4));
    }

    @Test
    void anEventThatCommittedLateIsPlacedAtItsOwnPositionAndTheLinksAfterItAreRecomputed() {
        // The JPA store hands out 0, 1 and 3 first (2 is still uncommitted: a gap in the token) ...
        var e0 = duties(0, Set.of(), 0, "a");
        var e1 = duties(1, Set.of(), 1, "b");
        var e3 = duties(3, Set.of(2L), 3, "d");
        // ... then 2, whose token carries the highest position seen (3), not its own.
        var e2 = duties(3, Set.of(), 2, "c");
        deliver(List.of(e0, e1, e3, e2));

        List<AuditEntry> entries = find(AuditFilter.none()).items();
        assertThat(entries).extracting(AuditEntry::eventId).containsExactly("event-0", "event-1", "event-2", "event-3");
        assertChainedInPositionOrder(entries, List.of(e0, e1, e2, e3));

        List<Document> settled = snapshot();
        deliver(List.of(e2, e3));
        assertThat(snapshot()).as("the late event redelivered").isEqualTo(settled);
    }

    /** The process dies at one write of recording a late event; the event is then redelivered. */
    @ParameterizedTest
    @ValueSource(strings = {"insert", "relinkAfter"})
    void aProcessKilledWhileRecordingALateEventLeavesAChainThatTheRedeliveryCompletes(String killedAt) {
        AtomicBoolean alive = new AtomicBoolean(true);
        AtomicBoolean armed = new AtomicBoolean();
        AuditTrail dying = new AuditTrail(db) {
            @Override
            boolean insert(Document entry) {
                dieIf("insert");
                return super.insert(entry);
            }

            @Override
            int relinkAfter(long position, byte[] link) {
                dieIf("relinkAfter");
                return super.relinkAfter(position, link);
            }

            private void dieIf(String write) {
                if (armed.get() && write.equals(killedAt) && alive.getAndSet(false)) {
                    throw new IllegalStateException("killed before " + write);
                }
            }
        };
        AuditTrailProjection killed = new AuditTrailProjection(
                dying,
                serializer,
                id -> storePositions.containsKey(id) ? OptionalLong.of(storePositions.get(id)) : OptionalLong.empty());
        var e0 = duties(0, Set.of(), 0, "a");
        var e1 = duties(1, Set.of(), 1, "b");
        var e3 = duties(3, Set.of(2L), 3, "d");
        var e2 = duties(3, Set.of(), 2, "c");
        List.of(e0, e1, e3).forEach(killed::on);
        armed.set(true);
        assertThatThrownBy(() -> killed.on(e2)).hasMessageContaining("killed before " + killedAt);

        deliver(List.of(e2, e3)); // the restarted process: the token had not moved past the batch

        List<AuditEntry> entries = find(AuditFilter.none()).items();
        assertThat(entries).extracting(AuditEntry::eventId).containsExactly("event-0", "event-1", "event-2", "event-3");
        assertChainedInPositionOrder(entries, List.of(e0, e1, e2, e3));
    }
}
