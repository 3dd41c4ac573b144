package cn.qinghai.ledger.query.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code ledger.projection.lag.events{processing_group}}: how many events this instance's slowest
 * segment of each projection is behind the head of the event store (0 when caught up, or when this
 * instance holds no segment of it). Beside Axon's own latency metrics, it answers "are the
 * dashboards current?" in events rather than seconds.
 */
@Component
class ProjectionLagGauges {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final MeterRegistry registry;

    ProjectionLagGauges(EventProcessingConfiguration processing, EventStore eventStore, MeterRegistry registry) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        processing.eventProcessors().forEach((group, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("ledger.projection.lag.events", streaming, this::lag)
                        .tag("processing_group", group)
                        .description("events between the event store's head and the slowest claimed segment")
                        .register(registry);
            }
        });
    }

    private double lag(StreamingEventProcessor processor) {
        try {
            OptionalLong head = eventStore.createHeadToken().position();
            long slowest = Long.MAX_VALUE;
            for (EventTrackerStatus status : processor.processingStatus().values()) {
                TrackingToken token = status.getTrackingToken();
                long position = token == null ? -1 : token.position().orElse(-1);
                slowest = Math.min(slowest, position);
            }
            if (head.isEmpty() || slowest == Long.MAX_VALUE) {
                return 0;
            }
            return Math.max(0, head.getAsLong() - slowest);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
