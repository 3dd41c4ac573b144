package cn.qinghai.ledger.query.audit;

import cn.qinghai.ledger.events.LedgerMetaData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * The audit trail's document for one event: what an auditor filters and reads (aggregate, type, who,
 * why, when, the payload as a document) beside the event's digest and its link in the hash chain.
 * Built only from the stored event and its link, so the verifier can build the same document from the
 * event store and compare.
 */
final class AuditEntries {

    static final String POSITION = "_id";
    static final String EVENT_ID = "eventId";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String AGGREGATE_ID = "aggregateId";
    static final String SEQUENCE = "sequence";
    static final String TYPE = "type";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String REVISION = "revision";
    static final String TIMESTAMP = "timestamp";
    static final String AT = "at";
    static final String ACTOR = "actor";
    static final String ACTOR_UNIT = "actorUnit";
    static final String ACTOR_ROLE = "actorRole";
    static final String REASON = "reason";
    static final String REQUEST_ID = "requestId";
    static final String TRACE_ID = "traceId";
    static final String CAUSATION_ID = "causationId";
    static final String META_DATA = "metaData";
    static final String PAYLOAD = "payload";
    static final String PAYLOAD_TEXT = "payloadText";
    static final String UNITS = "units";
    static final String DIGEST = "digest";
    static final String LINK = "link";

    /** Axon's MessageOriginProvider keys: the original request's message, and the direct cause. */
    static final String AXON_TRACE_ID = "traceId";

    static final String AXON_CORRELATION_ID = "correlationId";

    /** Payload fields that name the member units an event concerns. */
    private static final List<String> UNIT_FIELDS = List.of("unitCode", "leadUnitCode", "coUnitCodes");

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditEntries() {}

    static Document of(CanonicalEvent e, byte[] digest, byte[] link) {
        Map<String, ?> meta = e.metaData();
        Document entry = new Document(POSITION, e.position())
                .append(EVENT_ID, e.eventIdentifier())
                .append(AGGREGATE_TYPE, e.aggregateType())
                .append(AGGREGATE_ID, e.aggregateIdentifier())
                .append(SEQUENCE, e.sequenceNumber() < 0 ? null : e.sequenceNumber())
                .append(TYPE, e.simpleType())
                .append(PAYLOAD_TYPE, e.payloadType())
                .append(REVISION, e.payloadRevision())
                .append(TIMESTAMP, e.timestampText())
                .append(AT, Date.from(e.timestamp()))
                .append(ACTOR, text(meta.get(LedgerMetaData.ACTOR)))
                .append(ACTOR_UNIT, text(meta.get(LedgerMetaData.ACTOR_UNIT)))
                .append(ACTOR_ROLE, text(meta.get(LedgerMetaData.ACTOR_ROLE)))
                .append(REASON, text(meta.get(LedgerMetaData.REASON)))
                .append(REQUEST_ID, text(meta.get(LedgerMetaData.REQUEST_ID)))
                .append(TRACE_ID, text(meta.get(AXON_TRACE_ID)))
                .append(CAUSATION_ID, text(meta.get(AXON_CORRELATION_ID)))
                .append(META_DATA, toBson(parse(e.canonicalMetaData())));
        JsonNode payload = parse(e.payload());
        if (payload != null && payload.isObject()) {
            entry.append(PAYLOAD, toBson(payload));
            entry.append(UNITS, units(payload));
        } else {
            entry.append(PAYLOAD_TEXT, new String(e.payload(), StandardCharsets.UTF_8));
            entry.append(UNITS, List.of());
        }
        return entry.append(DIGEST, AuditChain.hex(digest)).append(LINK, AuditChain.hex(link));
    }

    /** The unit codes the payload names, in order of appearance. */
    private static List<String> units(JsonNode payload) {
        Set<String> units = new LinkedHashSet<>();
        for (String field : UNIT_FIELDS) {
            JsonNode value = payload.get(field);
            if (value == null) {
                continue;
            }
            if (value.isTextual()) {
                units.add(value.asText());
            } else if (value.isArray()) {
                value.forEach(v -> {
                    if (v.isTextual()) {
                        units.add(v.asText());
                    }
                });
            }
        }
        return new ArrayList<>(units);
    }

    /** The bytes as a JSON tree, or null when they are not JSON (a payload of another serializer). */
    static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A JSON tree as BSON values, taken literally: no extended-JSON interpretation of {@code $}-keys,
     * integers as Integer or Long, other numbers as Double, big numbers as text.
     */
    static Object toBson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Document doc = new Document();
            node.fields().forEachRemaining(f -> doc.append(fieldName(f.getKey()), toBson(f.getValue())));
            return doc;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(v -> list.add(toBson(v)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isLong()) {
            return node.longValue();
        }
        if (node.isDouble() || node.isFloat()) {
            return node.doubleValue();
        }
        if (node.isNumber()) {
            return node.asText();
        }
        return node.asText();
    }

    /**
     * A JSON key as a MongoDB field name: a leading {@code $} and any {@code .} would be read as
     * operators and paths, so they become their full-width forms (＄, ．). Record components never
     * contain them; map keys might.
     */
    private static String fieldName(String key) {
        String name = key.replace('.', '\uFF0E');
        return name.startsWith("$") ? '\uFF04' + name.substring(1) : name;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
