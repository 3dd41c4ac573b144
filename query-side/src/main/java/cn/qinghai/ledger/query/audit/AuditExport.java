package cn.qinghai.ledger.query.audit;

import cn.qinghai.ledger.query.platform.CsvCells;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoCursor;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes the audit trail as CSV or JSON Lines straight from a MongoDB cursor to the response, one
 * entry at a time: an export of the whole history never sits in memory.
 *
 * <p>JSON Lines: one {@link AuditEntry} per line, exactly as the API shows it. CSV: UTF-8 with a byte
 * order mark (so that spreadsheet programs read the Chinese text), RFC 4180 quoting, the payload and
 * units as JSON text; a text cell that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or CR) gets a leading apostrophe. The JSON Lines export is the exact one. Both
 * carry the Chinese names of type, aggregate type and role ({@code typeZh}, {@code aggregateTypeZh},
 * {@code actorRoleZh}); in the CSV they are the last columns.
 */
@Component
public class AuditExport {

    public enum Format {
        csv, jsonl
    }

    static final List<String> COLUMNS = List.of("position", "timestamp", "aggregateType", "aggregateId",
            "sequenceNumber", "type", "revision", "actor", "actorUnit", "actorRole", "reason", "requestId",
            "traceId", "causationId", "eventId", "units", "payload", "digest", "link",
            // the Chinese names last, so that the columns before keep their places for existing readers
            "typeZh", "aggregateTypeZh", "actorRoleZh");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final AuditTrail trail;
    private final ObjectMapper json;
    private final ZoneId zone;

    public AuditExport(AuditTrail trail, ObjectMapper json, @Value("${ledger.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.trail = trail;
        this.json = json.copy().disable(SerializationFeature.INDENT_OUTPUT);
        this.zone = zone;
    }

    public void write(AuditFilter filter, Format format, OutputStream out) throws IOException {
        if (format == Format.csv) {
            out.write(BOM);
        }
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        try (MongoCursor<Document> cursor = trail.stream(filter.toBson())) {
            if (format == Format.csv) {
                writer.write(String.join(",", COLUMNS));
                writer.write("\r\n");
            }
            while (cursor.hasNext()) {
                AuditEntry entry = AuditEntry.of(cursor.next(), zone);
                if (format == Format.csv) {
                    csv(entry, writer);
                } else {
                    writer.write(json.writeValueAsString(entry));
                    writer.write('\n');
                }
            }
        }
        writer.flush();
    }

    private void csv(AuditEntry e, Writer w) throws IOException {
        List<String> cells = List.of(
                Long.toString(e.position()),
                e.timestamp().toString(),
                text(e.aggregateType()),
                text(e.aggregateId()),
                e.sequenceNumber() == null ? "" : e.sequenceNumber().toString(),
                text(e.type()),
                text(e.revision()),
                text(e.actor()),
                text(e.actorUnit()),
                text(e.actorRole()),
                text(e.reason()),
                text(e.requestId()),
                text(e.traceId()),
                text(e.causationId()),
                text(e.eventId()),
                json.writeValueAsString(e.units()),
                e.payload() == null ? "" : json.writeValueAsString(e.payload()),
                e.digest(),
                e.link(),
                text(e.typeZh()),
                text(e.aggregateTypeZh()),
                text(e.actorRoleZh()));
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quoted(cells.get(i)));
        }
        w.write("\r\n");
    }

    /** Free text: empty for null, defused when a spreadsheet would take it for a formula. */
    static String text(String value) {
        return value == null ? "" : CsvCells.defused(value);
    }

    static String quoted(String cell) {
        return cell.isEmpty() ? "" : CsvCells.quoted(cell);
    }
}
