package cn.qinghai.ledger.query.deadletters;

import cn.qinghai.ledger.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** List, retry and evict dead letters per processing group (admins; auditors may look). */
@RestController
@Validated
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "operations", description = "dead letters of the projections")
class DeadLetterController {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterController.class);
    private static final String GROUP = "[a-z0-9-]{1,64}";

    record Letter(
            String eventType,
            String eventId,
            String aggregateId,
            Long sequenceNumber,
            String cause,
            Instant enqueuedAt,
            Instant lastTouched) {}

    record Sequence(String sequenceIdentifier, List<Letter> letters) {}

    record GroupLetters(String processingGroup, long deadLetters, long sequences, List<Sequence> items) {}

    record Retried(String processingGroup, int sequencesProcessed, long remaining) {}

    private final EventProcessingConfiguration processing;

    DeadLetterController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @GetMapping
    List<GroupLetters> all(@RequestParam(defaultValue = "20") @Min(1) @Max(500) int limit) {
        List<GroupLetters> groups = new ArrayList<>();
        processing.eventProcessors().keySet().stream()
                .sorted()
                .forEach(group -> processing
                        .deadLetterQueue(group)
                        .ifPresent(queue -> groups.add(describe(group, queue, limit))));
        return groups;
    }

    @GetMapping("/{group}")
    GroupLetters group(
            @PathVariable("group") @Pattern(regexp = GROUP) String group,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return describe(group, queue(group), limit);
    }

    /** Runs the real handlers again for up to {@code max} parked sequences, oldest first. */
    @PostMapping("/{group}/retry")
    Retried retry(
            @PathVariable("group") @Pattern(regexp = GROUP) String group,
            @RequestParam(defaultValue = "100") @Min(1) @Max(10_000) int max) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing
                .sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new NotFoundException("no dead-letter processor for " + group));
        int processed = 0;
        long sequences = queue.amountOfSequences();
        for (long i = 0; i < Math.min(max, sequences); i++) {
            if (processor.processAny()) {
                processed++;
            }
        }
        log.info(
                "retried dead letters of {}: {} sequence(s) processed, {} letter(s) remain",
                group,
                processed,
                queue.size());
        return new Retried(group, processed, queue.size());
    }

    /** Gives up on one parked sequence without handling it (the events stay in the event store). */
    @DeleteMapping("/{group}")
    Retried evict(
            @PathVariable("group") @Pattern(regexp = GROUP) String group,
            @RequestParam("sequence") @NotBlank @Size(max = 200) String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        if (!queue.contains(sequence)) {
            throw new NotFoundException("no dead-letter sequence " + sequence + " in " + group);
        }
        queue.process(letter -> sequence.equals(sequenceOf(letter)), letter -> Decisions.evict());
        log.warn("evicted dead-letter sequence {} of {}", sequence, group);
        return new Retried(group, 0, queue.size());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing
                .deadLetterQueue(group)
                .orElseThrow(() -> new NotFoundException("processing group " + group + " has no dead-letter queue"));
    }

    private static GroupLetters describe(String group, SequencedDeadLetterQueue<EventMessage<?>> queue, int limit) {
        List<Sequence> items = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            if (items.size() >= limit) {
                break;
            }
            List<Letter> letters = new ArrayList<>();
            String id = null;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                id = Objects.requireNonNullElse(id, sequenceOf(letter));
                EventMessage<?> message = letter.message();
                DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
                letters.add(new Letter(
                        message.getPayloadType().getSimpleName(),
                        message.getIdentifier(),
                        domain == null ? null : domain.getAggregateIdentifier(),
                        domain == null ? null : domain.getSequenceNumber(),
                        letter.cause().map(c -> c.type() + ": " + c.message()).orElse(null),
                        letter.enqueuedAt(),
                        letter.lastTouched()));
            }
            items.add(new Sequence(id, letters));
        }
        return new GroupLetters(group, queue.size(), queue.amountOfSequences(), items);
    }

    /** The ledger's processors sequence by aggregate: the sequence identifier is the aggregate id. */
    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.message() instanceof DomainEventMessage<?> d
                ? d.getAggregateIdentifier()
                : letter.message().getIdentifier();
    }
}
