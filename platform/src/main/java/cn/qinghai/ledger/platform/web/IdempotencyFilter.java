package cn.qinghai.ledger.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on commands (docs/security.md, "Robustness"): the same key and body from the same user returns the
 * first answer and sends nothing; the same key with another body is 422. Answers are kept in the
 * database ({@link IdempotencyRecords}) for {@code ledger.idempotency.retention} (default 7 days), so a
 * retry after a restart is safe too. Server errors are not kept: the client may retry them.
 *
 * <p>While the first request runs, the record is leased to it for {@code ledger.idempotency.lease}
 * (default 30 s); a second request in that time is 409 with {@code Retry-After}. A request whose process
 * died leaves its record in progress: once the lease has run out, a retry takes the record over and
 * runs the request. It cannot run a command twice: the command's own transaction marks the record
 * committed ({@link IdempotentCommandInterceptor}), and only while its attempt still owns the record. A
 * retry that finds the record committed but unanswered (the process died between the command's commit
 * and its answer) gets {@code 200} with the id of what the command changed.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final IdempotencyRecords records;
    private final ProblemWriter problems;
    private final Clock clock;
    private final Duration retention;
    private final Duration lease;

    public IdempotencyFilter(
            IdempotencyRecords records,
            ProblemWriter problems,
            Clock clock,
            @Value("${ledger.idempotency.retention:P7D}") Duration retention,
            @Value("${ledger.idempotency.lease:PT30S}") Duration lease) {
        this.records = records;
        this.problems = problems;
        this.clock = clock;
        this.retention = retention;
        this.lease = lease;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null
                || "GET".equals(request.getMethod())
                || "HEAD".equals(request.getMethod())
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            problems.write(
                    request,
                    response,
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            Problems.VALIDATION,
                            "Invalid request",
                            HEADER + " must be 1–100 characters of [A-Za-z0-9._:-]"));
            return;
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String recordKey = (user == null ? "anonymous" : user.getName()) + "|" + key;
        String hash = hash(request);
        Instant now = clock.instant();
        records.purgeOlderThan(now.minus(retention));
        IdempotencyAttempt attempt =
                new IdempotencyAttempt(recordKey, UUID.randomUUID().toString());
        if (!records.open(recordKey, hash, attempt.attempt(), now, now.plus(lease))
                && !takeOverOrReplay(request, response, attempt, hash, now)) {
            return;
        }
        run(request, response, chain, attempt);
    }

    /**
     * Runs the request as the record's owner and records its answer. If the answer cannot be recorded
     * (the store failed after the command committed), the client still gets it: the record stays
     * committed, and a retry replays the command's outcome.
     */
    private void run(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, IdempotencyAttempt attempt)
            throws ServletException, IOException {
        request.setAttribute(IdempotencyAttempt.ATTRIBUTE, attempt);
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, recorded);
        } catch (ServletException | IOException | RuntimeException e) {
            abandon(attempt);
            throw e;
        }
        if (recorded.getStatus() < 500) {
            try {
                records.answer(
                        attempt.recordKey(),
                        attempt.attempt(),
                        recorded.getStatus(),
                        recorded.getContentType(),
                        recorded.getHeader("Location"),
                        recorded.getHeader("ETag"),
                        recorded.getContentAsByteArray());
            } catch (RuntimeException e) {
                log.warn(
                        "{} {}: the answer could not be recorded ({}); a retry replays the command's outcome",
                        HEADER,
                        attempt.recordKey(),
                        e.toString());
            }
        } else {
            abandon(attempt);
        }
        recorded.copyBodyToResponse();
    }

    private void abandon(IdempotencyAttempt attempt) {
        try {
            records.abandon(attempt.recordKey(), attempt.attempt());
        } catch (RuntimeException e) {
            log.warn(
                    "{} {}: the failed attempt could not be forgotten ({}); its lease lets a retry take over",
                    HEADER,
                    attempt.recordKey(),
                    e.toString());
        }
    }

    /**
     * The key is taken: answers from the record, or takes it over when its lease has run out (true:
     * the caller runs the request as the new owner).
     */
    private boolean takeOverOrReplay(
            HttpServletRequest request,
            HttpServletResponse response,
            IdempotencyAttempt attempt,
            String hash,
            Instant now)
            throws IOException {
        IdempotencyRecords.Row row = records.find(attempt.recordKey()).orElse(null);
        if (row == null) { // purged or abandoned in between: tell the client to retry
            conflict(request, response, "the earlier request with this " + HEADER + " did not complete; retry", 1);
            return false;
        }
        if (!hash.equals(row.requestHash())) {
            problems.write(
                    request,
                    response,
                    Problems.of(
                            HttpStatus.UNPROCESSABLE_ENTITY,
                            Problems.IDEMPOTENCY,
                            "Idempotency-Key reused",
                            "this " + HEADER + " was used for a different request"));
            return false;
        }
        if (row.status() == IdempotencyRecords.IN_PROGRESS) {
            if (row.leaseUntil().isAfter(now)) {
                long seconds =
                        Math.max(1, Duration.between(now, row.leaseUntil()).toSeconds() + 1);
                conflict(request, response, "a request with this " + HEADER + " is still being processed", seconds);
                return false;
            }
            if (records.takeOver(attempt.recordKey(), row.attempt(), attempt.attempt(), now, now.plus(lease))) {
                log.info(
                        "{} {}: the earlier attempt's lease ran out without a commit; running the request again",
                        HEADER,
                        attempt.recordKey());
                return true;
            }
            conflict(request, response, "a request with this " + HEADER + " is still being processed", 1);
            return false;
        }
        int status = row.status() == IdempotencyRecords.COMMITTED ? HttpStatus.OK.value() : row.status();
        response.setStatus(status);
        response.setHeader("Idempotent-Replayed", "true");
        setIfPresent(response, "Content-Type", row.contentType());
        setIfPresent(response, "Location", row.location());
        setIfPresent(response, "ETag", row.etag());
        if (row.body() != null) {
            response.getOutputStream().write(row.body());
        }
        return false;
    }

    private void conflict(HttpServletRequest request, HttpServletResponse response, String detail, long retryAfter)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfter));
        problems.write(request, response, Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict", detail));
    }

    private static void setIfPresent(HttpServletResponse response, String header, Object value) {
        if (value != null) {
            response.setHeader(header, value.toString());
        }
    }

    private static String hash(HttpServletRequest request) {
        return requestHash(
                request.getMethod(),
                request.getRequestURI(),
                request.getQueryString(),
                CachedBodyRequest.bodyOf(request));
    }

    /** What identifies a request under one key: method, path, query and body (SHA-256, hex). */
    public static String requestHash(String method, String path, String query, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String target = method + " " + path + (query == null ? "" : "?" + query) + "\n";
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
