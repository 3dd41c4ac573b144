package cn.qinghai.ledger.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on commands (API.md): the same key and body from the same user returns the
 * first answer and sends nothing; the same key with another body is 422; while the first request is
 * still running, a second is 409. Answers are kept in the database (table {@code idempotency_record})
 * for {@code ledger.idempotency.retention} (default 7 days), so a retry after a restart is safe too.
 * Server errors are not kept: the client may retry them.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final int IN_PROGRESS = 0;

    private final JdbcTemplate jdbc;
    private final ProblemWriter problems;
    private final Clock clock;
    private final Duration retention;

    public IdempotencyFilter(JdbcTemplate jdbc, ProblemWriter problems, Clock clock,
                             @Value("${ledger.idempotency.retention:P7D}") Duration retention) {
        this.jdbc = jdbc;
        this.problems = problems;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || "GET".equals(request.getMethod())
                || "HEAD".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            problems.write(request, response, Problems.of(HttpStatus.BAD_REQUEST, Problems.VALIDATION,
                    "Invalid request", HEADER + " must be 1–100 characters of [A-Za-z0-9._:-]"));
            return;
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String recordKey = (user == null ? "anonymous" : user.getName()) + "|" + key;
        String hash = hash(request);
        Instant now = clock.instant();
        purgeOlderThan(now.minus(retention));
        try {
            jdbc.update("insert into idempotency_record (record_key, request_hash, status, created_at) values (?, ?, ?, ?)",
                    recordKey, hash, IN_PROGRESS, Timestamp.from(now));
        } catch (DuplicateKeyException taken) {
            replay(request, response, recordKey, hash);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, recorded);
            if (recorded.getStatus() < 500) {
                jdbc.update("update idempotency_record set status = ?, content_type = ?, location = ?, etag = ?, body = ? "
                                + "where record_key = ?", recorded.getStatus(), recorded.getContentType(),
                        recorded.getHeader("Location"), recorded.getHeader("ETag"), recorded.getContentAsByteArray(),
                        recordKey);
                kept = true;
            }
        } finally {
            if (!kept) {
                jdbc.update("delete from idempotency_record where record_key = ?", recordKey);
            }
            recorded.copyBodyToResponse();
        }
    }

    private void replay(HttpServletRequest request, HttpServletResponse response, String recordKey, String hash)
            throws IOException {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select request_hash, status, content_type, location, etag, body from idempotency_record where record_key = ?",
                recordKey);
        if (rows.isEmpty()) { // purged or failed in between: tell the client to retry
            problems.write(request, response, Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict",
                    "the earlier request with this " + HEADER + " did not complete; retry"));
            return;
        }
        Map<String, Object> row = rows.get(0);
        if (!hash.equals(row.get("request_hash"))) {
            problems.write(request, response, Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, Problems.IDEMPOTENCY,
                    "Idempotency-Key reused", "this " + HEADER + " was used for a different request"));
            return;
        }
        int status = ((Number) row.get("status")).intValue();
        if (status == IN_PROGRESS) {
            problems.write(request, response, Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict",
                    "a request with this " + HEADER + " is still being processed"));
            return;
        }
        response.setStatus(status);
        response.setHeader("Idempotent-Replayed", "true");
        setIfPresent(response, "Content-Type", row.get("content_type"));
        setIfPresent(response, "Location", row.get("location"));
        setIfPresent(response, "ETag", row.get("etag"));
        if (row.get("body") instanceof byte[] body) {
            response.getOutputStream().write(body);
        }
    }

    private void purgeOlderThan(Instant limit) {
        jdbc.update("delete from idempotency_record where created_at < ?", Timestamp.from(limit));
    }

    private static void setIfPresent(HttpServletResponse response, String header, Object value) {
        if (value != null) {
            response.setHeader(header, value.toString());
        }
    }

    private static String hash(HttpServletRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            digest.update(CachedBodyRequest.bodyOf(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
