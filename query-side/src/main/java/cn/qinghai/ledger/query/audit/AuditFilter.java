package cn.qinghai.ledger.query.audit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Which audit entries to read; every criterion may be null. {@code unit} matches the unit the actor
 * acted for and the units the event concerns (its {@code unitCode}, {@code leadUnitCode},
 * {@code coUnitCodes}); {@code type} is an event's class name or its Chinese name, or a part of either
 * ({@link AuditNames#typesMatching}); {@code from} is inclusive and {@code to} exclusive.
 */
public record AuditFilter(String aggregateId, String actor, String unit, String type, Instant from, Instant to) {

    public AuditFilter {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
    }

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }

    Bson toBson() {
        List<Bson> filters = new ArrayList<>();
        if (aggregateId != null) {
            filters.add(eq(AuditEntries.AGGREGATE_ID, aggregateId));
        }
        if (actor != null) {
            filters.add(eq(AuditEntries.ACTOR, actor));
        }
        if (unit != null) {
            filters.add(or(eq(AuditEntries.ACTOR_UNIT, unit), eq(AuditEntries.UNITS, unit)));
        }
        if (type != null) {
            filters.add(in(AuditEntries.TYPE, AuditNames.typesMatching(type)));
        }
        if (from != null) {
            filters.add(gte(AuditEntries.AT, Date.from(from)));
        }
        if (to != null) {
            filters.add(lt(AuditEntries.AT, Date.from(to)));
        }
        return filters.isEmpty() ? new Document() : and(filters);
    }

    /**
     * A bound of a time range as the API takes it: an ISO date-time with offset, or a date in the
     * ledger's time zone. A date as {@code from} means the start of that day; as {@code to}, the end
     * of it (the start of the next day, exclusive).
     */
    public static Instant bound(String value, ZoneId zone, boolean upper, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant instant = value.length() == 10
                    ? (upper ? LocalDate.parse(value).plusDays(1) : LocalDate.parse(value))
                            .atStartOfDay(zone)
                            .toInstant()
                    : OffsetDateTime.parse(value).toInstant();
            Date.from(instant); // the trail stores times as BSON dates: milliseconds in a long
            return instant;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + name + "' must be a date (YYYY-MM-DD) or an ISO-8601 date-time" + " with offset");
        }
    }
}
