package cn.qinghai.ledger.query.live;

import cn.qinghai.ledger.platform.security.Caller;
import cn.qinghai.ledger.query.platform.StreamSlots;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Bridges subscription queries to the browser as server-sent events. A stream subscribes to its query
 * (the same query record the REST endpoint sends), sends the initial answer, and on every
 * {@link LiveUpdates.Change} asks the query again and sends the fresh answer, so the dashboard simply
 * re-renders what it receives (RAG included, computed at that moment). Changes that arrive while a
 * re-read runs are folded into one more re-read (latest wins), so a burst of events costs a couple of
 * queries, not one each; re-reads run on Reactor's bounded elastic pool, never on a processor's thread.
 *
 * <p>Frames: {@code event: <name>} ({@code tasks}, {@code units}) with the answer as JSON in
 * {@code data:}, exactly as the REST endpoint returns it; no {@code id:}, since a reconnect simply gets a
 * fresh initial answer. A {@code : heartbeat} comment every {@code ledger.live.heartbeat}; limits,
 * timeout and shutdown as for the event feed ({@link StreamSlots}); gauge {@code ledger.live.streams}.
 */
@Component
class LiveStreams {

    static final String STREAMS_GAUGE = "ledger.live.streams";

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    private final QueryGateway queries;
    private final LiveProperties properties;
    private final StreamSlots slots;
    private final Set<LiveStream> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeats;

    LiveStreams(QueryGateway queries, LiveProperties properties, MeterRegistry meters) {
        this.queries = queries;
        this.properties = properties;
        this.slots = new StreamSlots("live", properties);
        Gauge.builder(STREAMS_GAUGE, slots, StreamSlots::inUse)
                .description("open server-sent streams of live read models")
                .register(meters);
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-live-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, properties.getHeartbeat().toMillis());
        heartbeats.scheduleWithFixedDelay(
                () -> open.forEach(LiveStream::heartbeat), period, period, TimeUnit.MILLISECONDS);
    }

    /** A stream of {@code query}'s answers, named {@code name}, for {@code caller}; 503 beyond the limits. */
    <Q, R> SseEmitter open(String name, Q query, Class<R> answer, Caller caller) {
        StreamSlots.Slot slot = slots.acquire(caller.username(), caller.roleName());
        SseEmitter emitter = new SseEmitter(properties.getStreamTimeout().toMillis());
        LiveStream stream = new LiveStream(name, emitter, slot);
        slot.onEvicted(stream::end);
        emitter.onCompletion(stream::end);
        emitter.onTimeout(stream::end);
        emitter.onError(error -> stream.end());
        open.add(stream);
        try {
            SubscriptionQueryResult<R, LiveUpdates.Change> result = queries.subscriptionQuery(
                    query, ResponseTypes.instanceOf(answer), ResponseTypes.instanceOf(LiveUpdates.Change.class));
            Flux<R> rereads = result.updates()
                    .onBackpressureLatest()
                    .publishOn(Schedulers.boundedElastic(), 1)
                    .map(change -> queries.query(query, answer).join());
            stream.subscription(
                    result,
                    Flux.concat(result.initialResult(), rereads).subscribe(stream::send, stream::failed, stream::end));
        } catch (RuntimeException e) {
            stream.end();
            throw e;
        }
        return emitter;
    }

    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        heartbeats.shutdownNow();
        open.forEach(LiveStream::end);
    }

    private final class LiveStream {

        private final String name;
        private final SseEmitter emitter;
        private final StreamSlots.Slot slot;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile SubscriptionQueryResult<?, ?> result;
        private volatile Disposable subscription;

        LiveStream(String name, SseEmitter emitter, StreamSlots.Slot slot) {
            this.name = name;
            this.emitter = emitter;
            this.slot = slot;
        }

        void subscription(SubscriptionQueryResult<?, ?> result, Disposable subscription) {
            this.result = result;
            this.subscription = subscription;
            if (ended.get()) {
                release();
            }
        }

        void send(Object answer) {
            try {
                emitter.send(SseEmitter.event().name(name).data(answer, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                end();
            }
        }

        void heartbeat() {
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                end();
            }
        }

        void failed(Throwable error) {
            log.warn("live {} stream ended by an error", name, error);
            end();
        }

        void end() {
            if (ended.compareAndSet(false, true)) {
                open.remove(this);
                slot.release();
                release();
                try {
                    emitter.complete();
                } catch (RuntimeException ignored) {
                    // already completed
                }
            }
        }

        private void release() {
            Disposable s = subscription;
            if (s != null) {
                s.dispose();
            }
            SubscriptionQueryResult<?, ?> r = result;
            if (r != null) {
                r.cancel();
            }
        }
    }
}
