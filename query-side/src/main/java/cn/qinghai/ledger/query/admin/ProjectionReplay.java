package cn.qinghai.ledger.query.admin;

import cn.qinghai.ledger.query.admin.ReplayProgress.State;
import cn.qinghai.ledger.query.platform.ReadModelGenerations;
import cn.qinghai.ledger.query.platform.ReplayableProjection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rebuild of a projection into a fresh generation, without a gap for readers:
 * <ol>
 *   <li><b>copy</b>: a second instance of the projection's handlers, bound to generation n+1, is fed
 *       the event store from its first event on this thread, until it reaches the store's head; the
 *       live processor keeps filling generation n, which keeps serving;</li>
 *   <li><b>switch</b>: the live processor is shut down, the copy reads up to the head as it now is
 *       (which is at or beyond every position the live processor reached), generation n+1 becomes
 *       active in one write, and the live processor starts again from its own token, now writing into
 *       n+1; events between its token and the copy's position reach n+1 twice, which the projection's
 *       idempotent writes absorb;</li>
 *   <li><b>retire</b>: generation n is dropped (after a grace period for reads already under way).</li>
 * </ol>
 * A failure or cancellation before the switch drops n+1 and leaves n serving, untouched.
 */
final class ProjectionReplay implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplay.class);
    private static final int WAIT_SECONDS = 10;
    private static final Duration LOG_EVERY = Duration.ofSeconds(2);

    private final ReplayableProjection projection;
    private final StreamingEventProcessor liveProcessor;
    private final StreamableMessageSource<TrackedEventMessage<?>> eventStore;
    private final ReadModelGenerations generations;
    private final String builder;
    private final Consumer<Runnable> retire;
    private final Clock clock;

    private volatile State state = State.COPYING;
    private volatile int fromGeneration;
    private volatile int toGeneration;
    private volatile long eventsDone;
    private volatile Long firstPosition;
    private volatile long position = -1;
    private volatile Long targetPosition;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile Long pausedMillis;
    private volatile String error;
    private volatile boolean cancelled;
    private volatile boolean activated;
    private long startedNanos;
    private long lastLogNanos;
    private AnnotationEventHandlerAdapter handlers;

    ProjectionReplay(
            ReplayableProjection projection,
            StreamingEventProcessor liveProcessor,
            StreamableMessageSource<TrackedEventMessage<?>> eventStore,
            ReadModelGenerations generations,
            String builder,
            Consumer<Runnable> retire,
            Clock clock) {
        this.projection = projection;
        this.liveProcessor = liveProcessor;
        this.eventStore = eventStore;
        this.generations = generations;
        this.builder = builder;
        this.retire = retire;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    String name() {
        return projection.processingGroup();
    }

    /** Claims the next generation; refused (IllegalStateException) while another rebuild holds it. */
    void prepare() {
        fromGeneration = generations.active(name());
        toGeneration = generations.beginBuilding(name(), fromGeneration, projection.collections(), builder);
        handlers = new AnnotationEventHandlerAdapter(projection.bindTo(generations.generation(toGeneration)));
    }

    @Override
    public void run() {
        startedNanos = System.nanoTime();
        lastLogNanos = startedNanos;
        log.info(
                "replay {}: rebuilding into generation {} while generation {} serves",
                name(),
                toGeneration,
                fromGeneration);
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            copyWhileLiveServes(stream);
            switchOver(stream);
            state = State.DONE;
            log.info(
                    "replay {}: done, {} events in {} s; generation {} serves (live processor paused {} ms)",
                    name(),
                    eventsDone,
                    String.format("%.1f", seconds()),
                    toGeneration,
                    pausedMillis);
        } catch (CancellationException | InterruptedException e) {
            state = State.CANCELLED;
            log.info("replay {}: cancelled after {} events", name(), eventsDone);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } catch (Exception | Error e) {
            state = State.FAILED;
            error = e.toString();
            log.error(
                    "replay {}: failed after {} events; generation {} keeps serving",
                    name(),
                    eventsDone,
                    activated ? toGeneration : fromGeneration,
                    e);
        } finally {
            finishedAt = clock.instant();
            if (!activated) {
                generations.abandon(name(), toGeneration, projection.collections());
            }
        }
    }

    void cancel() {
        cancelled = true;
    }

    /** Copies until a look at the head finds nothing more to copy. */
    private void copyWhileLiveServes(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        while (true) {
            Long head = headPosition();
            targetPosition = head;
            if (head == null || position >= head) {
                return;
            }
            copyUntil(stream, head);
        }
    }

    /** Pauses the live processor, copies the last events, flips the generation, resumes. */
    private void switchOver(BlockingStream<TrackedEventMessage<?>> stream) throws Exception {
        state = State.SWITCHING;
        long pausedAt = System.nanoTime();
        boolean wasRunning = liveProcessor.isRunning();
        liveProcessor.shutdownAsync().get(30, TimeUnit.SECONDS);
        try {
            Long head = headPosition();
            targetPosition = head;
            if (head != null) {
                copyUntil(stream, head);
            }
            generations.activate(name(), toGeneration);
            activated = true;
        } finally {
            if (wasRunning && !cancelled) { // cancelled: the application is shutting down its processors
                liveProcessor.start();
            }
            pausedMillis = Duration.ofNanos(System.nanoTime() - pausedAt).toMillis();
        }
        int retired = fromGeneration;
        retire.accept(() -> generations.drop(projection.collections(), retired));
    }

    private void copyUntil(BlockingStream<TrackedEventMessage<?>> stream, long head) throws InterruptedException {
        while (position < head) {
            if (cancelled || Thread.currentThread().isInterrupted()) {
                throw new CancellationException();
            }
            if (!stream.hasNextAvailable(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the event store delivered nothing for " + WAIT_SECONDS
                        + " s before position " + head + " (last read: " + position + ")");
            }
            TrackedEventMessage<?> event = stream.nextAvailable();
            apply(event);
            long at = event.trackingToken().position().orElse(position);
            if (firstPosition == null) {
                firstPosition = at;
            }
            position = Math.max(position, at);
            eventsDone++;
            maybeLog();
        }
    }

    private void apply(TrackedEventMessage<?> event) throws InterruptedException {
        if (!handlers.canHandle(event)) {
            return;
        }
        ResultMessage<?> result = DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> handlers.handle(event));
        if (result.isExceptional()) {
            throw new IllegalStateException(
                    "the projection failed on event " + event.getIdentifier() + " at " + event.trackingToken(),
                    result.exceptionResult());
        }
    }

    private void maybeLog() {
        long now = System.nanoTime();
        if (now - lastLogNanos >= LOG_EVERY.toNanos()) {
            lastLogNanos = now;
            ReplayProgress p = progress();
            log.info(
                    "replay {}: {}/{} events ({}%), {} events/s, ETA {} s",
                    name(),
                    p.eventsDone(),
                    p.eventsTotal(),
                    p.eventsTotal() == 0 ? 100 : p.eventsDone() * 100 / p.eventsTotal(),
                    Math.round(p.eventsPerSecond()),
                    p.etaSeconds());
            generations.heartbeat(name());
        }
    }

    private Long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null || head.position().isEmpty()
                ? null
                : head.position().getAsLong();
    }

    private double seconds() {
        return startedNanos == 0 ? 0 : (System.nanoTime() - startedNanos) / 1e9;
    }

    ReplayProgress progress() {
        Long target = targetPosition;
        Long first = firstPosition;
        long total = target == null ? eventsDone : Math.max(eventsDone, target - (first == null ? 0 : first) + 1);
        double elapsed = seconds();
        double rate = elapsed > 0 ? eventsDone / elapsed : 0;
        Long eta = state.finished() ? Long.valueOf(0) : rate > 0 ? Math.round((total - eventsDone) / rate) : null;
        return new ReplayProgress(
                name(),
                state,
                fromGeneration,
                toGeneration,
                eventsDone,
                total,
                position < 0 ? null : position,
                target,
                Math.round(rate * 10) / 10.0,
                eta,
                startedAt,
                finishedAt,
                pausedMillis,
                error);
    }
}
