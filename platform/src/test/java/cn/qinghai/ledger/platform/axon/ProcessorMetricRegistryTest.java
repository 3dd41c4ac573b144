package cn.qinghai.ledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

class ProcessorMetricRegistryTest {

    final MockClock clock = new MockClock();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    final MessageMonitor<? super EventMessage<?>> monitor = new ProcessorMetricRegistry(meters, clock)
            .registerEventProcessor(
                    "eventProcessor", m -> Tags.of("processorName", "tasks"), m -> Tags.of("processorName", "tasks"));

    @Test
    void keepsAxonsFourProcessorMetersAndForgetsWorkOlderThanAMinute() {
        for (int i = 0; i < 300; i++) { // 30 s of work within one minute: half the capacity
            var callback = monitor.onMessageIngested(GenericEventMessage.asEventMessage("e" + i));
            clock.add(100, TimeUnit.MILLISECONDS);
            callback.reportSuccess();
        }
        assertThat(capacity()).isCloseTo(0.5, offset(0.01));
        assertThat(meters.find("eventProcessor.successTimer")
                        .tags("processorName", "tasks")
                        .timer())
                .isNotNull();
        assertThat(meters.find("eventProcessor.latency")
                        .tags("processorName", "tasks")
                        .gauge())
                .isNotNull();
        assertThat(meters.find("eventProcessor.successCounter")
                        .tags("processorName", "tasks")
                        .counter()
                        .count())
                .isEqualTo(300);

        clock.add(Duration.ofSeconds(61));
        // Axon's default window (ten minutes) would still hold the 300 samples and read 0.05 here.
        assertThat(capacity()).isZero();
    }

    private double capacity() {
        return meters.find("eventProcessor.capacity")
                .tags("processorName", "tasks")
                .gauge()
                .value();
    }

    @Test
    void theUntaggedRegistrationMeasuresCapacityOverAMinuteToo() {
        MessageMonitor<? super EventMessage<?>> untagged =
                new ProcessorMetricRegistry(meters, clock).registerEventProcessor("tasks");
        var callback = untagged.onMessageIngested(GenericEventMessage.asEventMessage("e"));
        clock.add(30, TimeUnit.SECONDS);
        callback.reportSuccess();
        assertThat(meters.find("tasks.capacity").gauge().value()).isCloseTo(0.5, offset(0.01));

        clock.add(Duration.ofSeconds(61));
        assertThat(meters.find("tasks.capacity").gauge().value()).isZero();
    }
}
