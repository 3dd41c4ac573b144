package cn.qinghai.ledger.subscriber;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How this service reads the ledger's event store and where it keeps its own position.
 *
 * <p>The ledger writes its events with Axon's JPA storage engine (entity {@code DomainEventEntry},
 * Spring's snake-case column names, payload and metadata as {@code bytea} on PostgreSQL, timestamps as
 * ISO-8601 text, a dense {@code global_index}). This service needs no JPA and no Hibernate for that:
 * Axon's JDBC storage engine reads the same table once it is told the column names
 * ({@link #ledgerEventTable}). It only ever reads: nothing here creates or alters the ledger's tables
 * (give its database user {@code SELECT} on {@code domain_event_entry} and nothing else there). In the
 * {@code axonserver} profile the events come from Axon Server instead and this schema is unused.
 *
 * <p>Its tracking token lives in its own schema ({@code example_subscriber.token_entry}, created by
 * {@code db/example-subscriber/schema.sql} with its read model), in the same transaction as its read
 * model's writes, so a restart resumes exactly where it stopped.
 */
@Configuration(proxyBeanMethods = false)
class LedgerEventStoreConfiguration {

    /** The ledger's event table, as its JPA mapping names the columns. */
    @Bean
    EventSchema ledgerEventTable(
            @Value("${subscriber.ledger-event-table:domain_event_entry}") String table,
            @Value("${subscriber.ledger-snapshot-table:snapshot_event_entry}") String snapshots) {
        return EventSchema.builder()
                .eventTable(table)
                .snapshotTable(snapshots)
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** This service's own token table, in its own schema. */
    @Bean
    TokenSchema subscriberTokenTable() {
        return TokenSchema.builder()
                .setTokenTable("example_subscriber.token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * The JSON the ledger writes: java.time values as ISO-8601 text, records by their components. Unknown
     * fields are ignored, so an event that gained a field in a newer ledger still reads here.
     */
    @Bean(name = "defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return JsonMapper.builder()
                .findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
