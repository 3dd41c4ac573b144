package cn.qinghai.ledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The history of one entity (aggregate) read from the event store itself, not from a projection:
 * every event with its metadata, its global position (from the audit trail, once recorded) and the
 * entity's state after it.
 *
 * <p>The state is generic: the cumulative merge of the events' payloads, where each event's non-null
 * top-level fields overwrite the earlier values. For an aggregate whose events describe one thing (a
 * task, a meeting) that is its state; for the conference, whose events describe many seats and units,
 * it shows the last value of each field, and the roster read model ({@code asOf}) is the better view.
 */
@Component
public class EntityHistory {

    /** One event of the entity. */
    public record EntityEvent(
            long sequenceNumber,
            Long position,
            String eventId,
            String type,
            String revision,
            OffsetDateTime timestamp,
            Map<String, Object> metaData,
            JsonNode payload,
            JsonNode stateAfter) {}

    /** A page of an entity's events, oldest first; {@code total} counts all of them. */
    public record EntityHistoryView(String aggregateId, String aggregateType, List<EntityEvent> items, long total) {}

    private final EventStore eventStore;
    private final AuditTrail trail;
    private final Serializer serializer;
    private final ObjectMapper json;
    private final ZoneId zone;

    public EntityHistory(
            EventStore eventStore,
            AuditTrail trail,
            @Qualifier("eventSerializer") Serializer serializer,
            ObjectMapper json,
            @Value("${ledger.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.eventStore = eventStore;
        this.trail = trail;
        this.serializer = serializer;
        this.json = json;
        this.zone = zone;
    }

    /** Events {@code page * size} to {@code (page + 1) * size - 1} of the entity, or empty if it has none. */
    public Optional<EntityHistoryView> of(String aggregateId, int page, int size) {
        long from = (long) page * size;
        long to = from + size;
        ObjectNode state = json.createObjectNode();
        List<DomainEventMessage<?>> window = new ArrayList<>();
        List<JsonNode> payloads = new ArrayList<>();
        List<JsonNode> states = new ArrayList<>();
        String aggregateType = null;
        long count = 0;
        DomainEventStream events = eventStore.readEvents(aggregateId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            aggregateType = event.getType();
            JsonNode payload = payload(event);
            if (payload.isObject()) {
                payload.fields().forEachRemaining(f -> {
                    if (!f.getValue().isNull()) {
                        state.set(f.getKey(), f.getValue());
                    }
                });
            }
            if (count >= from && count < to) {
                window.add(event);
                payloads.add(payload);
                states.add(state.deepCopy());
            }
            count++;
        }
        if (count == 0) {
            return Optional.empty();
        }
        Map<String, Long> positions = trail.positionsOf(
                window.stream().map(DomainEventMessage::getIdentifier).toList());
        List<EntityEvent> items = new ArrayList<>(window.size());
        for (int i = 0; i < window.size(); i++) {
            DomainEventMessage<?> event = window.get(i);
            SerializedObject<byte[]> serialized = event.serializePayload(serializer, byte[].class);
            String typeName = serialized.getType().getName();
            items.add(new EntityEvent(
                    event.getSequenceNumber(),
                    positions.get(event.getIdentifier()),
                    event.getIdentifier(),
                    typeName.substring(Math.max(typeName.lastIndexOf('.'), typeName.lastIndexOf('$')) + 1),
                    serialized.getType().getRevision(),
                    OffsetDateTime.ofInstant(event.getTimestamp(), zone),
                    new LinkedHashMap<>(event.getMetaData()),
                    payloads.get(i),
                    states.get(i)));
        }
        return Optional.of(new EntityHistoryView(aggregateId, aggregateType, items, count));
    }

    private JsonNode payload(DomainEventMessage<?> event) {
        byte[] bytes = event.serializePayload(serializer, byte[].class).getData();
        JsonNode tree = AuditEntries.parse(bytes);
        return tree != null ? tree : TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
    }
}
