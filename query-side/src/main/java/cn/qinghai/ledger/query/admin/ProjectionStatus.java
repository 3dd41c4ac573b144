package cn.qinghai.ledger.query.admin;

import cn.qinghai.ledger.query.platform.ReadModelGenerations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.springframework.stereotype.Component;

/** Where each processing group stands: its position against the event store's head, and any rebuild. */
@Component
public class ProjectionStatus {

    /**
     * One processing group.
     *
     * @param kind              pooled-streaming, tracking or subscribing (inside the command's transaction)
     * @param segments          segments of its token (streaming processors)
     * @param claimedHere       segments this process is working on
     * @param position          lowest global position among the segments worked on here (null before the
     *                          first event, or when no segment is worked on here)
     * @param lag               head minus position: events it has still to handle
     * @param caughtUp          every segment worked on here has reached the head once
     * @param resetting         an Axon token reset (in-place replay) is running
     * @param activeGeneration  the generation serving readers, for projections that can be rebuilt
     * @param replay            the latest rebuild, if any since this process started
     * @param deadLetters       what the group has parked in its dead-letter queue (null: it has none)
     */
    public record ProcessorView(
            String name,
            String kind,
            boolean running,
            boolean error,
            Integer segments,
            Integer claimedHere,
            Long position,
            Long lag,
            Boolean caughtUp,
            Boolean resetting,
            boolean replayable,
            Integer activeGeneration,
            ReplayProgress replay,
            DeadLetters deadLetters) {}

    /**
     * A group's dead letters: how many events are parked, in how many sequences (aggregates), and since
     * when the oldest waits ({@code oldestAge} as an ISO-8601 duration; both null when none is parked).
     */
    public record DeadLetters(long count, long sequences, Instant oldestEnqueuedAt, Duration oldestAge) {}

    /**
     * All processing groups and the event store's head position, with every time the store was found
     * to have gone back behind the read side (newest first; see {@link StoreRollbackGuard}).
     */
    public record ProjectionsView(
            Long head, List<ProcessorView> items, List<StoreRollbackGuard.StoreRollback> storeRollbacks) {}

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final ProjectionReplays replays;
    private final ReadModelGenerations generations;
    private final StoreRollbackGuard rollbacks;
    private final Clock clock;

    public ProjectionStatus(
            EventProcessingConfiguration processing,
            EventStore eventStore,
            TokenStore tokenStore,
            ProjectionReplays replays,
            ReadModelGenerations generations,
            StoreRollbackGuard rollbacks,
            Clock clock) {
        this.rollbacks = rollbacks;
        this.clock = clock;
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.replays = replays;
        this.generations = generations;
    }

    public ProjectionsView all() {
        Long head = head();
        List<ProcessorView> items = new ArrayList<>();
        new TreeMap<>(processing.eventProcessors())
                .forEach((name, processor) -> items.add(view(name, processor, head)));
        return new ProjectionsView(head, items, rollbacks.recorded());
    }

    public Optional<ProcessorView> one(String name) {
        return Optional.ofNullable(processing.eventProcessors().get(name)).map(p -> view(name, p, head()));
    }

    private ProcessorView view(String name, EventProcessor processor, Long head) {
        boolean replayable = replays.isReplayable(name);
        Integer generation = replayable ? generations.active(name) : null;
        ReplayProgress replay = replays.progress(name).orElse(null);
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProcessorView(
                    name,
                    "subscribing",
                    processor.isRunning(),
                    processor.isError(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    replayable,
                    generation,
                    replay,
                    deadLetters(name));
        }
        Collection<EventTrackerStatus> statuses = streaming.processingStatus().values();
        Long position = statuses.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong)
                .min(Long::compare)
                .orElse(null);
        boolean anyUnpositioned =
                statuses.stream().anyMatch(s -> s.getCurrentPosition().isEmpty());
        if (anyUnpositioned && !statuses.isEmpty()) {
            position = null; // a segment that has not handled an event yet: at the very start
        }
        Long lag = head == null ? Long.valueOf(0) : position == null ? null : Math.max(0, head - position);
        return new ProcessorView(
                name,
                processor.getClass().getSimpleName().startsWith("Pooled") ? "pooled-streaming" : "tracking",
                processor.isRunning(),
                processor.isError(),
                tokenStore.fetchSegments(name).length,
                statuses.size(),
                position,
                lag,
                !statuses.isEmpty() && statuses.stream().allMatch(EventTrackerStatus::isCaughtUp),
                statuses.stream().anyMatch(EventTrackerStatus::isReplaying),
                replayable,
                generation,
                replay,
                deadLetters(name));
    }

    /** The oldest letter of each sequence is its first; the oldest of all is the oldest of those. */
    private DeadLetters deadLetters(String group) {
        return processing
                .deadLetterQueue(group)
                .map(queue -> {
                    Instant oldest = null;
                    for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                        Iterator<DeadLetter<? extends EventMessage<?>>> letters = sequence.iterator();
                        if (letters.hasNext()) {
                            Instant enqueued = letters.next().enqueuedAt();
                            if (oldest == null || enqueued.isBefore(oldest)) {
                                oldest = enqueued;
                            }
                        }
                    }
                    return new DeadLetters(
                            queue.size(),
                            queue.amountOfSequences(),
                            oldest,
                            oldest == null ? null : Duration.between(oldest, clock.instant()));
                })
                .orElse(null);
    }

    private Long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null || head.position().isEmpty()
                ? null
                : head.position().getAsLong();
    }
}
