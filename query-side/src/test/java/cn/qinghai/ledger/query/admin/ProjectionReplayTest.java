package cn.qinghai.ledger.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.qinghai.ledger.events.conference.*;
import cn.qinghai.ledger.query.admin.ReplayProgress.State;
import cn.qinghai.ledger.query.platform.ReadModelGenerations;
import cn.qinghai.ledger.query.roster.RosterProjection;
import cn.qinghai.ledger.query.roster.RosterQueries;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * A rebuild of the roster into a fresh generation, step by step: the event source hands out events
 * only as the test allows, so the test can look at what readers see while the copy is half-way.
 */
class ProjectionReplayTest {

    static final String CID = "c";
    static final LocalDate D1 = LocalDate.of(2021, 8, 12);

    MongoServer server;
    MongoClient client;
    MongoDatabase db;
    ReadModelGenerations generations;
    RosterProjection live;
    AnnotationEventHandlerAdapter liveHandlers;
    RosterQueries queries;
    StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    GatedEventSource store;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        db = client.getDatabase("test");
        generations = new ReadModelGenerations(db, Clock.systemUTC());
        live = new RosterProjection(generations);
        queries = new RosterQueries(generations);
        when(processor.isRunning()).thenReturn(true);
        when(processor.shutdownAsync()).thenReturn(CompletableFuture.completedFuture(null));

        List<Object> history = List.of(
                new ConferenceEstablishedEvent(CID, "联席会议", "青政办函〔2021〕138号", List.of(), "health", D1),
                new MemberUnitAddedEvent(CID, "health", "省卫生健康委", List.of("牵头"), D1),
                new MemberUnitAddedEvent(CID, "education", "省教育厅", List.of("人才"), D1),
                new MemberAppointedEvent(CID, "su", "苏全仁", "主任", SeatRole.DEPUTY_CONVENER, "health", D1),
                new MemberAppointedEvent(CID, "zhong", "钟泽海", "副厅长", SeatRole.MEMBER, "education", D1),
                new LiaisonFiledEvent(CID, "education", "李一", "处长", "0971-1", D1));
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        for (int seq = 0; seq < history.size(); seq++) {
            events.add(new GenericTrackedDomainEventMessage<>(
                    new GlobalSequenceTrackingToken(seq),
                    new GenericDomainEventMessage<>("Conference", CID, seq, history.get(seq))));
        }
        store = new GatedEventSource(events);
        liveHandlers = new AnnotationEventHandlerAdapter(live);
        events.forEach(this::project); // the live processor has projected everything into generation 1
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private void project(TrackedEventMessage<?> event) {
        try {
            liveHandlers.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    ProjectionReplay replay() {
        ProjectionReplay replay = new ProjectionReplay(
                live, processor, store, generations, "test-builder", Runnable::run, Clock.systemUTC());
        replay.prepare();
        return replay;
    }

    RosterView roster() {
        return queries.handle(new FindRosterQuery(CID, D1)).orElseThrow();
    }

    @Test
    void readersKeepTheServingGenerationWhileTheCopyIsBuiltAndSeeTheCopyOnceItHasCaughtUp() {
        RosterView before = roster();
        ProjectionReplay replay = replay();
        Thread runner = new Thread(replay);

        store.allow(3);
        runner.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> replay.progress().eventsDone() == 3);

        assertThat(roster()).as("half-way: the old generation serves, whole").isEqualTo(before);
        assertThat(generations.active(RosterProjection.GROUP)).isEqualTo(1);
        assertThat(generations.building(RosterProjection.GROUP)).isEqualTo(2);
        assertThat(db.listCollectionNames().into(new ArrayList<>())).contains("roster_units_g2");
        assertThat(replay.progress().state()).isEqualTo(State.COPYING);
        assertThat(replay.progress().eventsTotal()).isEqualTo(6);
        verify(processor, never()).shutdownAsync();

        store.allow(3);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> replay.progress().state().finished());

        assertThat(replay.progress().state()).isEqualTo(State.DONE);
        assertThat(replay.progress().position()).isEqualTo(5L);
        assertThat(generations.active(RosterProjection.GROUP)).isEqualTo(2);
        assertThat(generations.building(RosterProjection.GROUP)).isNull();
        assertThat(roster()).as("the new generation serves the same roster").isEqualTo(before);
        assertThat(db.listCollectionNames().into(new ArrayList<>()))
                .doesNotContain("roster_units", "roster_seat_terms");
        InOrder pausedThenResumed = inOrder(processor);
        pausedThenResumed.verify(processor).shutdownAsync();
        pausedThenResumed.verify(processor).start();
    }

    @Test
    void eventsTheLiveProcessorHandsTheNewGenerationAgainAfterTheSwitchChangeNothing() {
        ProjectionReplay replay = replay();
        store.allow(6);
        replay.run();
        RosterView switched = roster();

        store.events.forEach(this::project); // the live processor resumes from an older token
        assertThat(roster()).isEqualTo(switched);
        assertThat(queries.handle(new FindUnitQuery(CID, "education"))
                        .orElseThrow()
                        .liaison()
                        .name())
                .isEqualTo("李一");
    }

    @Test
    void aRebuildThatFailsLeavesTheServingGenerationAndDropsItsCopy() {
        RosterView before = roster();
        ProjectionReplay replay = replay();
        store.failAfter(2);
        store.allow(6);
        replay.run();

        assertThat(replay.progress().state()).isEqualTo(State.FAILED);
        assertThat(replay.progress().error()).contains("store unreachable");
        assertThat(generations.active(RosterProjection.GROUP)).isEqualTo(1);
        assertThat(generations.building(RosterProjection.GROUP)).isNull();
        assertThat(db.listCollectionNames().into(new ArrayList<>())).noneMatch(name -> name.endsWith("_g2"));
        assertThat(roster()).isEqualTo(before);
        verify(processor, never()).shutdownAsync();
    }

    @Test
    void aSecondRebuildOfTheSameProjectionIsRefusedWhileTheFirstHoldsItsGeneration() {
        replay();
        ReadModelGenerations elsewhere = new ReadModelGenerations(db, Clock.systemUTC());
        assertThatThrownBy(
                        () -> elsewhere.beginBuilding(RosterProjection.GROUP, 1, live.collections(), "another-builder"))
                .isInstanceOf(IllegalStateException.class);
    }

    /**
     * A process that has not yet seen another's switch (its view of the serving generation is up to
     * {@code REFRESH} old) must not start a second rebuild of a copy that needs none: an outdated read model
     * would otherwise be rebuilt twice after an upgrade with several query-side instances.
     */
    @Test
    void aRebuildOfAGenerationThatNoLongerServesIsRefused() {
        ReadModelGenerations elsewhere = new ReadModelGenerations(db, Clock.systemUTC());
        int next = elsewhere.beginBuilding(RosterProjection.GROUP, 1, live.collections(), "another-builder");
        elsewhere.activate(RosterProjection.GROUP, next);

        assertThatThrownBy(() -> generations.beginBuilding(RosterProjection.GROUP, 1, live.collections(), "builder"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("generation 2 of roster serves");
        assertThat(generations.active(RosterProjection.GROUP))
                .as("and the refusal brings this process's view up to date")
                .isEqualTo(2);
        assertThat(generations.building(RosterProjection.GROUP)).isNull();
    }

    /** An event source that hands out events only as the test allows, and can fail on purpose. */
    static final class GatedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

        final List<TrackedEventMessage<?>> events;
        private final Semaphore permits = new Semaphore(0);
        private volatile int failAfter = Integer.MAX_VALUE;

        GatedEventSource(List<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        void allow(int count) {
            permits.release(count);
        }

        void failAfter(int count) {
            failAfter = count;
        }

        @Override
        public TrackingToken createHeadToken() {
            return new GlobalSequenceTrackingToken(events.size() - 1);
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
            return new BlockingStream<>() {
                private int next;
                private boolean granted;

                @Override
                public Optional<TrackedEventMessage<?>> peek() {
                    return next < events.size() ? Optional.of(events.get(next)) : Optional.empty();
                }

                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                    if (next >= failAfter) {
                        throw new IllegalStateException("store unreachable");
                    }
                    if (next >= events.size()) {
                        return false;
                    }
                    if (!granted) {
                        granted = permits.tryAcquire(timeout, unit);
                    }
                    return granted;
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() {
                    granted = false;
                    return events.get(next++);
                }

                @Override
                public void close() {}
            };
        }
    }
}
