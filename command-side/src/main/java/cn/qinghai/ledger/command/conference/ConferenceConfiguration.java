package cn.qinghai.ledger.command.conference;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ConferenceConfiguration {

    /**
     * The conference collects every roster change for years; a snapshot every
     * {@code ledger.snapshot.conference-threshold} events keeps loading it cheap.
     */
    @Bean
    SnapshotTriggerDefinition conferenceSnapshotTrigger(
            Snapshotter snapshotter, @Value("${ledger.snapshot.conference-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
