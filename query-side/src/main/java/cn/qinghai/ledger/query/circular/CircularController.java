package cn.qinghai.ledger.query.circular;

import cn.qinghai.ledger.events.Ids;
import cn.qinghai.ledger.events.circular.FindIssuedCircularQuery;
import cn.qinghai.ledger.events.circular.FindIssuedCircularsQuery;
import cn.qinghai.ledger.events.circular.IssuedCircularList;
import cn.qinghai.ledger.events.circular.IssuedCircularView;
import cn.qinghai.ledger.events.task.CircularView;
import cn.qinghai.ledger.events.task.FindCircularQuery;
import cn.qinghai.ledger.platform.web.NotFoundException;
import cn.qinghai.ledger.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The circular (通报) of a period: JSON by default; {@code Accept: text/csv} (UTF-8 with BOM) or the
 * Excel media type for a file to print. A link that cannot set a header may say {@code format=csv}
 * or {@code format=xlsx} instead. {@code to} defaults to today and {@code from} to the first day of
 * {@code to}'s month. Circulars the office issued ({@code /api/circulars/issued}) are read here too, with
 * their figures as issued.
 */
@RestController
@Validated
@Tag(name = "circulars", description = "通报: statistics per unit for a period, as JSON, CSV or Excel")
class CircularController {

    enum Format {
        JSON,
        CSV,
        XLSX
    }

    private final QueryGateway queries;
    private final Clock clock;

    CircularController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/circulars")
    @Operation(
            summary = "通报 of a period",
            description = "Accept: application/json (default), text/csv, "
                    + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; or format=json|csv|xlsx")
    ResponseEntity<?> circular(
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String conferenceId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Pattern(regexp = "json|csv|xlsx") String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        if (start.isAfter(end)) {
            ProblemDetail problem = Problems.of(
                    HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid request", "from: must not be after to");
            problem.setProperty("errors", List.of(Map.of("field", "from", "message", "must not be after to")));
            return ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        CircularView view = queries.query(new FindCircularQuery(conferenceId, start, end), CircularView.class)
                .join();
        return switch (format == null ? negotiate(accept) : Format.valueOf(format.toUpperCase())) {
            case JSON -> ResponseEntity.ok(view);
            case CSV -> file(CircularExports.csv(view), CircularExports.CSV, CircularExports.filename(view, "csv"));
            case XLSX -> file(CircularExports.xlsx(view), CircularExports.XLSX, CircularExports.filename(view, "xlsx"));
        };
    }

    @GetMapping("/api/circulars/issued")
    @Operation(summary = "issued circulars (已印发通报), latest first")
    IssuedCircularList issued(@RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String conferenceId) {
        return queries.query(new FindIssuedCircularsQuery(conferenceId), IssuedCircularList.class)
                .join();
    }

    @GetMapping("/api/circulars/issued/{circularId}")
    @Operation(summary = "an issued circular as the document reads, with its figures as issued")
    IssuedCircularView issuedOne(@PathVariable("circularId") @Pattern(regexp = Ids.PATTERN) String circularId) {
        return queries.query(
                        new FindIssuedCircularQuery(circularId),
                        ResponseTypes.optionalInstanceOf(IssuedCircularView.class))
                .join()
                .orElseThrow(() -> new NotFoundException("no issued circular " + circularId));
    }

    /**
     * The most preferred of the Accept header's types that we can write; JSON when it names none of
     * ours, so that Spring answers 406 if JSON is not acceptable either.
     */
    static Format negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Format.JSON;
        }
        List<MediaType> types = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.isWildcardType() || type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return Format.JSON;
            }
            if (type.isCompatibleWith(CircularExports.CSV)) {
                return Format.CSV;
            }
            if (type.isCompatibleWith(CircularExports.XLSX)) {
                return Format.XLSX;
            }
        }
        return Format.JSON;
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }
}
