package cn.qinghai.ledger.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * One stored event in the canonical form the audit hash chain is computed over. Everything an
 * attacker could change in a stored event is in it: its place in the global order, its identity, its
 * aggregate and sequence, its type and revision, its time, its payload exactly as stored and its
 * metadata.
 *
 * <h2>Canonical bytes (version 1)</h2>
 * The digest is SHA-256 over the concatenation of these fields, in this order:
 * <pre>
 *   u64  position            global index of the event (big-endian)
 *   str  eventIdentifier
 *   str  aggregateType       null for an event without aggregate
 *   str  aggregateIdentifier null likewise
 *   i64  sequenceNumber      -1 for an event without aggregate
 *   str  payloadType         the serialized type name as stored (fully qualified class name)
 *   str  payloadRevision     "1", or null
 *   str  timestamp           ISO-8601 instant, {@link DateTimeFormatter#ISO_INSTANT}
 *   bin  payload             the serialized payload bytes exactly as the event store returns them
 *   bin  metaData            JSON of the metadata map, keys sorted by Java String order at every
 *                            level, no whitespace, UTF-8 (Jackson's defaults for values)
 * </pre>
 * where {@code bin} is a u32 big-endian length followed by the bytes, {@code str} is {@code bin} of the
 * UTF-8 bytes, and a null {@code str} is the length {@code 0xFFFFFFFF} with no bytes (so null and the
 * empty string differ). Lengths make the encoding unambiguous: no two different events share bytes.
 */
public record CanonicalEvent(
        long position,
        String eventIdentifier,
        String aggregateType,
        String aggregateIdentifier,
        long sequenceNumber,
        String payloadType,
        String payloadRevision,
        Instant timestamp,
        byte[] payload,
        Map<String, ?> metaData) {

    private static final ObjectMapper CANONICAL_JSON =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /**
     * The canonical form of {@code message}, read from the event store at {@code position}. The
     * payload bytes are the stored ones when {@code serializer} is the one the store deserializes
     * with (the Axon event serializer); otherwise the payload is serialized again, which gives the
     * same bytes for an unchanged event.
     */
    public static CanonicalEvent of(long position, EventMessage<?> message, Serializer serializer) {
        SerializedObject<byte[]> payload = message.serializePayload(serializer, byte[].class);
        String aggregateType = null;
        String aggregateId = null;
        long sequence = -1;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        return new CanonicalEvent(
                position,
                message.getIdentifier(),
                aggregateType,
                aggregateId,
                sequence,
                payload.getType().getName(),
                payload.getType().getRevision(),
                message.getTimestamp(),
                payload.getData(),
                message.getMetaData());
    }

    /** The simple name of the payload type: {@code MemberAppointedEvent}. */
    public String simpleType() {
        String name = payloadType;
        int cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf('$'));
        return name.substring(cut + 1);
    }

    public String timestampText() {
        return DateTimeFormatter.ISO_INSTANT.format(timestamp);
    }

    /** The metadata as canonical JSON: sorted keys, no whitespace, UTF-8. */
    public byte[] canonicalMetaData() {
        try {
            return CANONICAL_JSON.writeValueAsBytes(new TreeMap<>(metaData));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadata of event " + eventIdentifier + " is not JSON", e);
        }
    }

    /** The bytes the digest is taken over (see the class comment). */
    public byte[] canonicalBytes() {
        var bytes = new ByteArrayOutputStream(256 + payload.length);
        try (var out = new DataOutputStream(bytes)) {
            out.writeLong(position);
            text(out, eventIdentifier);
            text(out, aggregateType);
            text(out, aggregateIdentifier);
            out.writeLong(sequenceNumber);
            text(out, payloadType);
            text(out, payloadRevision);
            text(out, timestampText());
            binary(out, payload);
            binary(out, canonicalMetaData());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** SHA-256 of {@link #canonicalBytes()}. */
    public byte[] digest() {
        return AuditChain.sha256(canonicalBytes());
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            binary(out, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void binary(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }
}
