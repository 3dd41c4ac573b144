package cn.qinghai.ledger.query.audit;

import cn.qinghai.ledger.events.Ids;
import cn.qinghai.ledger.platform.web.NotFoundException;
import cn.qinghai.ledger.query.audit.ChainVerification.KeptCheckpoint;
import cn.qinghai.ledger.query.audit.EntityHistory.EntityHistoryView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The audit trail, its exports, the tamper check and entity histories (审计). Readable by auditors,
 * administrators and the office (联席会议办公室, which keeps the ledger); units and viewers get 403.
 *
 * <p>The page of entries goes through the query bus like every read. The export, the verification,
 * the checkpoint and the entity history call their services directly: an export is a MongoDB cursor
 * streamed into the response, which cannot travel over the query bus, and the other three read the
 * event store itself rather than a read model.
 */
@RestController
@Validated
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN', 'OFFICE')")
@Tag(name = "audit", description = "审计: audit trail, exports, tamper evidence, entity history")
class AuditController {

    /**
     * An event's class name ({@code TaskUrgedEvent}) or its Chinese name (任务催办), or a part of either:
     * letters of any script, digits, {@code _ $ .}; anything else (spaces, quotes, operators) is refused.
     */
    private static final String TYPE_PATTERN = "[\\p{L}\\p{N}_$.]{1,200}";

    private static final String TYPE_MESSAGE = "must be an event's class name or Chinese name, or a part of it"
            + " (letters, digits, _ $ .), at most 200 characters";
    private static final String HASH_PATTERN = "[0-9a-fA-F]{64}";

    private final QueryGateway queries;
    private final AuditExport export;
    private final AuditVerifier verifier;
    private final EntityHistory entities;
    private final ZoneId zone;

    AuditController(
            QueryGateway queries,
            AuditExport export,
            AuditVerifier verifier,
            EntityHistory entities,
            @Value("${ledger.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.queries = queries;
        this.export = export;
        this.verifier = verifier;
        this.entities = entities;
        this.zone = zone;
    }

    @GetMapping("/api/audit")
    @Operation(
            summary = "Audit entries in global order, filtered; 'unit' matches the actor's unit and the units"
                    + " an event concerns; 'type' an event's class name or Chinese name, or a part of either (催办);"
                    + " 'from'/'to' take a date or an ISO date-time with offset ('to' exclusive)")
    AuditPage entries(
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String aggregateId,
            @RequestParam(required = false) @Size(min = 1, max = 128) String actor,
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String unit,
            @RequestParam(required = false) @Pattern(regexp = TYPE_PATTERN, message = TYPE_MESSAGE) String type,
            @RequestParam(required = false) @Size(max = 40) String from,
            @RequestParam(required = false) @Size(max = 40) String to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        AuditFilter filter = filter(aggregateId, actor, unit, type, from, to);
        return queries.query(new FindAuditEntriesQuery(filter, page, size), AuditPage.class)
                .join();
    }

    @GetMapping("/api/audit/export")
    @Operation(summary = "The filtered audit trail streamed as CSV (UTF-8 with BOM) or JSON Lines")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(defaultValue = "csv") AuditExport.Format format,
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String aggregateId,
            @RequestParam(required = false) @Size(min = 1, max = 128) String actor,
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String unit,
            @RequestParam(required = false) @Pattern(regexp = TYPE_PATTERN, message = TYPE_MESSAGE) String type,
            @RequestParam(required = false) @Size(max = 40) String from,
            @RequestParam(required = false) @Size(max = 40) String to) {
        AuditFilter filter = filter(aggregateId, actor, unit, type, from, to);
        MediaType mediaType = format == AuditExport.Format.csv
                ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                : new MediaType("application", "x-ndjson", java.nio.charset.StandardCharsets.UTF_8);
        String filename = "audit-" + LocalDate.now(zone) + "." + format.name();
        return ResponseEntity.ok()
                .contentType(mediaType)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(out -> export.write(filter, format, out));
    }

    @GetMapping("/api/audit/verify")
    @Operation(
            summary = "Re-reads the event store from its first event, recomputes the hash chain and compares it"
                    + " with the audit trail and, when given, with a kept checkpoint")
    VerificationReport verify(
            @RequestParam(required = false) @Min(0) Long checkpointPosition,
            @RequestParam(required = false) @Pattern(regexp = HASH_PATTERN) String checkpointHash) {
        if ((checkpointPosition == null) != (checkpointHash == null)) {
            throw new IllegalArgumentException("give both 'checkpointPosition' and 'checkpointHash', or neither");
        }
        return verifier.verify(
                checkpointPosition == null
                        ? null
                        : new KeptCheckpoint(checkpointPosition, checkpointHash.toLowerCase()));
    }

    @GetMapping("/api/audit/checkpoint")
    @Operation(summary = "The chain's newest settled link: keep {position, hash} outside the ledger")
    Checkpoint checkpoint() {
        return verifier.checkpoint()
                .orElseThrow(() -> new NotFoundException("the audit trail has no settled entry yet; try again later"));
    }

    @GetMapping("/api/audit/entities/{aggregateId}")
    @Operation(summary = "An entity's events from the event store, each with its metadata and the state after it")
    EntityHistoryView entity(
            @PathVariable("aggregateId") @Pattern(regexp = Ids.PATTERN) String aggregateId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return entities.of(aggregateId, page, size)
                .orElseThrow(() -> new NotFoundException("no events of an entity " + aggregateId));
    }

    private AuditFilter filter(String aggregateId, String actor, String unit, String type, String from, String to) {
        return new AuditFilter(
                aggregateId,
                actor,
                unit,
                type,
                AuditFilter.bound(from, zone, false, "from"),
                AuditFilter.bound(to, zone, true, "to"));
    }
}
