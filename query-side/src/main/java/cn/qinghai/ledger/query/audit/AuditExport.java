package cn.qinghai.ledger.query.audit;

import cn.qinghai.ledger.query.platform.CsvCells;
import cn.qinghai.ledger.query.platform.CsvFile;
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
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes the audit trail as CSV or JSON Lines straight from a MongoDB cursor to the response, one
 * entry at a time: an export of the whole history never sits in memory.
 *
 * <p>JSON Lines: one {@link AuditEntry} per line, exactly as the API shows it. CSV: UTF-8 with a byte
 * order mark (so that spreadsheet programs read the Chinese text), RFC 4180 quoting by Commons CSV
 * ({@link CsvFile}: column names bare, every other cell but an empty one quoted), the payload and
 * units as JSON text; a text cell that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or CR) gets a leading apostrophe. The JSON Lines export is the exact one. Both
 * carry the Chinese names of type, aggregate type and role ({@code typeZh}, {@code aggregateTypeZh},
 * {@code actorRoleZh}); in the CSV they are the last columns.
 */
@Component
public class AuditExport {

    public enum Format {
        csv,
        jsonl
    }

    static final List<String> COLUMNS = List.of(
            "position",
            "timestamp",
            "aggregateType",
            "aggregateId",
            "sequenceNumber",
            "type",
            "revision",
            "actor",
            "actorUnit",
            "actorRole",
            "reason",
            "requestId",
            "traceId",
            "causationId",
            "eventId",
            "units",
            "payload",
            "digest",
            "link",
            // the Chinese names last, so that the columns before keep their places for existing readers
            "typeZh",
            "aggregateTypeZh",
            "actorRoleZh");
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
            CsvFile csv = CsvFile.utf8WithBom(out, CsvFile.ALL_BUT_EMPTY_QUOTED);
            csv.record(COLUMNS, CsvFile.MINIMAL);
            try (MongoCursor<Document> cursor = trail.stream(filter.toBson())) {
                while (cursor.hasNext()) {
                    csv.record(cells(AuditEntry.of(cursor.next(), zone)));
                }
            }
            csv.flush();
            return;
        }
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        try (MongoCursor<Document> cursor = trail.stream(filter.toBson())) {
            while (cursor.hasNext()) {
                writer.write(json.writeValueAsString(AuditEntry.of(cursor.next(), zone)));
                writer.write('\n');
            }
        }
        writer.flush();
    }

    /** An entry's CSV cells in the order of {@link #COLUMNS}; an empty cell as null, written bare. */
    List<String> cells(AuditEntry e) throws IOException {
        List<String> cells = new ArrayList<>(List.of(
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
                text(e.actorRoleZh())));
        cells.replaceAll(cell -> cell == null || cell.isEmpty() ? null : cell);
        return cells;
    }

    /** Free text: empty for null, defused when a spreadsheet would take it for a formula. */
    static String text(String value) {
        return value == null ? "" : CsvCells.defused(value);
    }
}
