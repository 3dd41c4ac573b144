package cn.qinghai.ledger.query.feed;

import cn.qinghai.ledger.platform.security.Caller;
import cn.qinghai.ledger.platform.web.Problems;
import cn.qinghai.ledger.query.platform.StreamSlots;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The feed as server-sent events ({@code GET /api/events/stream}). Each stream has its own reader of
 * the event store on a thread of a bounded pool: it sends what is there after the resume point, page by
 * page ({@link EventFeed#page}, which never lets a reader skip an event), then looks for new events every
 * {@code ledger.feed.stream-poll} and sends them as they come, in position order.
 *
 * <p>Frames: {@code id:} the position (so the browser's {@code Last-Event-ID} is the resume point),
 * {@code event:} the CloudEvents type, {@code data:} the CloudEvent as JSON on one line; a first
 * comment and {@code retry: 3000} open the stream, and a {@code : heartbeat} comment goes out whenever
 * nothing was sent for {@code ledger.feed.heartbeat}. A client that went away is noticed at the next
 * write, and its stream ends and frees its slot and thread. Streams are limited by {@link StreamSlots},
 * end after {@code ledger.feed.stream-timeout}, are closed first when the service shuts down, and are
 * counted by the gauge {@code ledger.feed.streams}.
 */
@Component
class FeedStreams {

    /** Open streams, at {@code /actuator/metrics/ledger.feed.streams}. */
    static final String STREAMS_GAUGE = "ledger.feed.streams";

    private static final Logger log = LoggerFactory.getLogger(FeedStreams.class);
    private static final long RECONNECT_MILLIS = 3_000;
    /** Events read from the store at a time. */
    private static final int PAGE = 500;

    private final EventFeed feed;
    private final FeedProperties properties;
    private final StreamSlots slots;
    private final ThreadPoolExecutor readers;
    private final Set<FeedStream> open = ConcurrentHashMap.newKeySet();

    FeedStreams(EventFeed feed, FeedProperties properties, MeterRegistry meters) {
        this.feed = feed;
        this.properties = properties;
        this.slots = new StreamSlots("event feed", properties);
        Gauge.builder(STREAMS_GAUGE, slots, StreamSlots::inUse)
                .description("open server-sent streams of the event feed")
                .register(meters);
        AtomicInteger threads = new AtomicInteger();
        this.readers = new ThreadPoolExecutor(
                properties.getMaxStreams(),
                properties.getMaxStreams(),
                60,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "ledger-feed-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.readers.allowCoreThreadTimeOut(true);
    }

    /** Opens a stream of the events after {@code after} for {@code caller}; 503 when no slot is free. */
    SseEmitter open(long after, Caller caller, boolean named) {
        StreamSlots.Slot slot = slots.acquire(caller.username(), caller.roleName());
        SseEmitter emitter = new SseEmitter(properties.getStreamTimeout().toMillis());
        FeedStream stream = new FeedStream(emitter, after, slot, named);
        slot.onEvicted(stream::stop);
        emitter.onCompletion(stream::stop);
        emitter.onTimeout(stream::stop);
        emitter.onError(error -> stream.stop());
        open.add(stream);
        try {
            readers.execute(stream);
        } catch (RejectedExecutionException e) {
            open.remove(stream);
            slot.release();
            throw new ErrorResponseException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    Problems.of(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            StreamSlots.TOO_MANY_STREAMS,
                            "Shutting down",
                            "the service is shutting down"),
                    e);
        }
        return emitter;
    }

    int openStreams() {
        return slots.inUse();
    }

    /** Before the web server's graceful shutdown waits for open requests: end every stream now. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        open.forEach(FeedStream::stop);
        readers.shutdownNow();
    }

    private final class FeedStream implements Runnable {

        private final SseEmitter emitter;
        private final long after;
        private final StreamSlots.Slot slot;
        private final boolean named;
        private volatile boolean stopped;

        FeedStream(SseEmitter emitter, long after, StreamSlots.Slot slot, boolean named) {
            this.emitter = emitter;
            this.after = after;
            this.slot = slot;
            this.named = named;
        }

        void stop() {
            stopped = true;
        }

        @Override
        public void run() {
            Duration heartbeat = properties.getHeartbeat();
            long pollMillis = Math.max(1, Math.min(feed.streamPoll().toMillis(), heartbeat.toMillis()));
            long cursor = after;
            try {
                emitter.send(SseEmitter.event()
                        .comment("ledger event feed after position " + after)
                        .reconnectTime(RECONNECT_MILLIS));
                long lastWrite = System.nanoTime();
                while (!stopped) {
                    List<FeedEntry> page = feed.page(cursor, PAGE);
                    for (FeedEntry entry : page) {
                        SseEmitter.SseEventBuilder frame = SseEmitter.event().id(Long.toString(entry.position()));
                        if (named) {
                            frame.name(entry.type());
                        }
                        emitter.send(frame.data(entry.json(), MediaType.APPLICATION_JSON));
                        cursor = entry.position();
                        lastWrite = System.nanoTime();
                    }
                    if (System.nanoTime() - lastWrite >= heartbeat.toNanos()) {
                        emitter.send(SseEmitter.event().comment("heartbeat"));
                        lastWrite = System.nanoTime();
                    }
                    if (page.size() < PAGE) {
                        Thread.sleep(pollMillis);
                    }
                }
            } catch (IOException | IllegalStateException e) {
                // the client went away or the emitter completed (timeout, shutdown): nothing to tell anyone
                log.debug("event feed stream after {} ended: {}", after, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("event feed stream after {} failed", after, e);
            } finally {
                open.remove(this);
                slot.release();
                try {
                    emitter.complete();
                } catch (RuntimeException ignored) {
                    // already completed
                }
            }
        }
    }
}
