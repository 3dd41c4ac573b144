package cn.qinghai.ledger.query.feed;

import cn.qinghai.ledger.events.LedgerMetaData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.UnknownSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * One stored event as a CloudEvent (specversion 1.0, JSON format):
 * <ul>
 * <li>{@code id}: the event's identifier (unique, stable across reads);</li>
 * <li>{@code source}: {@code urn:ledger:<aggregate>} ({@code conference}, {@code meeting}, {@code task});</li>
 * <li>{@code type}: {@code cn.qinghai.ledger.<aggregate>.<Name>.v<revision>} ({@link EventTypes});</li>
 * <li>{@code subject}: the aggregate's id (conference id, meeting id, task id);</li>
 * <li>{@code time}: when the event happened, in {@code ledger.time-zone};</li>
 * <li>{@code datacontenttype} {@code application/json} and {@code data}: the payload exactly as the
 * event store keeps it (Axon's Jackson mapper), fields as in the catalogue;</li>
 * <li>extension {@code position}: the global position, the resume point of the feed;</li>
 * <li>extensions from the event's metadata, when present: {@code actor}, {@code actorunit},
 * {@code actorrole} (who entered the command), {@code reason}, {@code requestid}, and Axon's
 * {@code correlationid} (the command that caused it) and {@code traceid} (the first message of the chain).
 * Only these keys are copied: nothing else from the metadata (and so never a credential) leaves.</li>
 * </ul>
 */
@Component
class CloudEventMapping {

    /** Metadata keys copied to extensions, with their CloudEvents names (lower-case letters and digits only). */
    static final Map<String, String> EXPOSED_METADATA = exposed();

    private static final JsonFormat FORMAT = new JsonFormat();

    private final ObjectMapper storeMapper;
    private final ZoneId zone;

    CloudEventMapping(@Qualifier("defaultAxonObjectMapper") ObjectMapper storeMapper, Clock clock) {
        this.storeMapper = storeMapper;
        this.zone = clock.getZone();
    }

    private static Map<String, String> exposed() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String key : new String[] {
            LedgerMetaData.ACTOR,
            LedgerMetaData.ACTOR_UNIT,
            LedgerMetaData.ACTOR_ROLE,
            LedgerMetaData.REASON,
            LedgerMetaData.REQUEST_ID,
            "correlationId",
            "traceId"
        }) {
            keys.put(key, key.toLowerCase(Locale.ROOT));
        }
        return Map.copyOf(keys);
    }

    CloudEvent toCloudEvent(EventMessage<?> message, long position) {
        Object payload = message.getPayload();
        String type;
        JsonNode data;
        String aggregate;
        if (payload instanceof UnknownSerializedType unknown) {
            // stored by a version that knew a class this one does not: pass its JSON through as it is
            type = EventTypes.typeOf(
                    unknown.serializedType().getName(), unknown.serializedType().getRevision());
            data = unknown.readData(JsonNode.class);
            aggregate = null;
        } else {
            type = EventTypes.typeOf(message.getPayloadType());
            data = storeMapper.valueToTree(payload);
            aggregate = EventTypes.aggregateOf(message.getPayloadType());
        }
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(message.getIdentifier())
                .withType(type)
                .withTime(message.getTimestamp().atZone(zone).toOffsetDateTime())
                .withDataContentType(MediaType.APPLICATION_JSON_VALUE)
                .withData(JsonCloudEventData.wrap(data))
                .withExtension("position", position);
        if (message instanceof DomainEventMessage<?> domain) {
            event.withSource(EventTypes.sourceOf(domain.getType() != null ? domain.getType() : aggregate))
                    .withSubject(domain.getAggregateIdentifier());
        } else {
            event.withSource(EventTypes.sourceOf(aggregate));
        }
        EXPOSED_METADATA.forEach((key, extension) -> {
            if (message.getMetaData().get(key) instanceof String value && !value.isBlank()) {
                event.withExtension(extension, value);
            }
        });
        return event.build();
    }

    /** The CloudEvent in the JSON event format, on one line (as an SSE {@code data:} line needs). */
    static String json(CloudEvent event) {
        return new String(FORMAT.serialize(event), StandardCharsets.UTF_8);
    }
}
