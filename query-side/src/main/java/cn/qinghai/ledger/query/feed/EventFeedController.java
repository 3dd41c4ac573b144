package cn.qinghai.ledger.query.feed;

import cn.qinghai.ledger.platform.security.Caller;
import cn.qinghai.ledger.platform.web.Problems;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event feed for subscribers in any language (docs/api.md: {@code GET /api/events},
 * {@code GET /api/events/stream}) and the event catalogue. Who may read the raw feed is in
 * {@code AccessRules}: the office, auditors and admins, because events say who did what.
 */
@RestController
@Validated
@Tag(
        name = "events",
        description = "事件: every event in global order as CloudEvents JSON, resumable by position; "
                + "server-sent events; the event catalogue")
class EventFeedController {

    /** The CloudEvents JSON batch format: a JSON array of CloudEvents. */
    static final String BATCH = "application/cloudevents-batch+json";

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final EventFeed feed;
    private final FeedStreams streams;
    private final EventCatalogue.Catalogue catalogue = EventCatalogue.generate();

    EventFeedController(EventFeed feed, FeedStreams streams) {
        this.feed = feed;
        this.streams = streams;
    }

    /**
     * At most {@code limit} events after position {@code after} (-1: from the first), oldest first, as
     * a JSON array of CloudEvents; fewer (or none) when the store has no more yet. To resume, pass the
     * {@code position} of the last event received as {@code after} (also given as the {@code next}
     * link); an empty answer means "nothing new yet: ask again with the same {@code after}".
     */
    @GetMapping(
            path = "/api/events",
            produces = {BATCH, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<byte[]> events(
            @RequestParam(defaultValue = "-1") @Min(-1) long after,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit) {
        List<FeedEntry> page = feed.page(after, limit);
        long next = page.isEmpty() ? after : page.get(page.size() - 1).position();
        String body = page.stream().map(FeedEntry::json).collect(Collectors.joining(",", "[", "]"));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.LINK, "</api/events?after=" + next + "&limit=" + limit + ">; rel=\"next\"")
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The same events as server-sent events, from after {@code Last-Event-ID} (a reconnecting browser
     * sends it) or else {@code after} (default -1, from the first), then live as they are appended.
     * Frames carry no {@code event:} name, so a standard {@code EventSource}'s {@code onmessage} receives
     * every one (the CloudEvent in {@code data:} names its type); {@code named=true} names each frame by its
     * CloudEvent type instead, for clients that listen to chosen types only.
     */
    @GetMapping("/api/events/stream")
    SseEmitter stream(
            @RequestParam(required = false) @Min(-1) Long after,
            @RequestParam(defaultValue = "false") boolean named,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        long from = lastEventId != null ? lastEventId(lastEventId) : after != null ? after : -1;
        return streams.open(from, Caller.current(), named);
    }

    /** Every event type with its fields and revision, generated from shared-events. */
    @GetMapping("/api/events/catalogue")
    EventCatalogue.Catalogue catalogue() {
        return catalogue;
    }

    private static long lastEventId(String header) {
        String value = header.strip();
        if (!value.matches("-?\\d{1,18}") || Long.parseLong(value) < -1) {
            throw new ErrorResponseException(
                    HttpStatus.BAD_REQUEST,
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            Problems.VALIDATION,
                            "Invalid request",
                            "Last-Event-ID must be a position (an integer >= -1) "
                                    + "as sent in the id: field of this feed"),
                    null);
        }
        return Long.parseLong(value);
    }
}
