package cn.qinghai.ledger.query.audit;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * One event of the audit trail as the API shows it. {@code traceId} is the correlation id (Axon's
 * {@code traceId}: the message of the original request, shared by everything it caused);
 * {@code causationId} is Axon's {@code correlationId}: the message that directly caused this event.
 * {@code digest} and {@code link} are the event's place in the hash chain (lowercase hex).
 * {@code typeZh}, {@code aggregateTypeZh} and {@code actorRoleZh} are the Chinese names of the recorded
 * type, aggregate type and role ({@link AuditNames}), added when the entry is read; null for a name this
 * version does not know. They are not part of the digest: the recorded names are the evidence.
 */
public record AuditEntry(
        long position,
        String eventId,
        String aggregateType,
        String aggregateTypeZh,
        String aggregateId,
        Long sequenceNumber,
        String type,
        String typeZh,
        String revision,
        OffsetDateTime timestamp,
        String actor,
        String actorUnit,
        String actorRole,
        String actorRoleZh,
        String reason,
        String requestId,
        String traceId,
        String causationId,
        List<String> units,
        Map<String, Object> payload,
        Map<String, Object> metaData,
        String digest,
        String link) {

    static AuditEntry of(Document d, ZoneId zone) {
        Number sequence = (Number) d.get(AuditEntries.SEQUENCE);
        Map<String, Object> payload = d.get(AuditEntries.PAYLOAD, Document.class);
        if (payload == null && d.getString(AuditEntries.PAYLOAD_TEXT) != null) {
            payload = Map.of("text", d.getString(AuditEntries.PAYLOAD_TEXT));
        }
        String aggregateType = d.getString(AuditEntries.AGGREGATE_TYPE);
        String type = d.getString(AuditEntries.TYPE);
        String actorRole = d.getString(AuditEntries.ACTOR_ROLE);
        return new AuditEntry(
                AuditTrail.position(d),
                d.getString(AuditEntries.EVENT_ID),
                aggregateType,
                AuditNames.aggregateType(aggregateType),
                d.getString(AuditEntries.AGGREGATE_ID),
                sequence == null ? null : sequence.longValue(),
                type,
                AuditNames.type(type),
                d.getString(AuditEntries.REVISION),
                OffsetDateTime.ofInstant(java.time.Instant.parse(d.getString(AuditEntries.TIMESTAMP)), zone),
                d.getString(AuditEntries.ACTOR),
                d.getString(AuditEntries.ACTOR_UNIT),
                actorRole,
                AuditNames.role(actorRole),
                d.getString(AuditEntries.REASON),
                d.getString(AuditEntries.REQUEST_ID),
                d.getString(AuditEntries.TRACE_ID),
                d.getString(AuditEntries.CAUSATION_ID),
                d.getList(AuditEntries.UNITS, String.class, List.of()),
                payload,
                d.get(AuditEntries.META_DATA, Document.class),
                d.getString(AuditEntries.DIGEST),
                d.getString(AuditEntries.LINK));
    }
}
