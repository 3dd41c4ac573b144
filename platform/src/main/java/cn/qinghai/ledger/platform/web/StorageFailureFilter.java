package cn.qinghai.ledger.platform.web;

import cn.qinghai.ledger.platform.storage.DatabaseStorageProbe;
import cn.qinghai.ledger.platform.storage.StorageFailures;
import cn.qinghai.ledger.platform.storage.StorageHealthIndicator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that fails because a store cannot serve (disk full, I/O error, database closed or
 * unreachable; see {@link StorageFailures}) is answered {@code 503} with {@code Retry-After} and a problem
 * detail of type {@code storage-unavailable}, wherever it failed: in a controller, in a command's commit,
 * or in a filter before them (the idempotency record). A command whose commit failed was rolled back,
 * so the client may retry; the storage health component is probed again at its next check.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class StorageFailureFilter extends OncePerRequestFilter {

    public static final URI STORAGE_UNAVAILABLE = URI.create(Problems.BASE + "storage-unavailable");
    private static final Logger log = LoggerFactory.getLogger(StorageFailureFilter.class);

    private final ProblemWriter problems;
    private final ObjectProvider<StorageHealthIndicator> health;
    private final ObjectProvider<DatabaseStorageProbe> database;
    private final Duration retryAfter;

    public StorageFailureFilter(
            ProblemWriter problems,
            ObjectProvider<StorageHealthIndicator> health,
            ObjectProvider<DatabaseStorageProbe> database,
            @Value("${ledger.storage.retry-after:PT10S}") Duration retryAfter) {
        this.problems = problems;
        this.health = health;
        this.database = database;
        this.retryAfter = retryAfter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            Throwable storage = StorageFailures.find(e);
            if (storage == null || response.isCommitted()) {
                throw e;
            }
            String reason = StorageFailures.reason(storage);
            log.warn(
                    "{} {} answered 503: storage cannot serve: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    reason);
            health.ifAvailable(StorageHealthIndicator::failureSeen);
            database.ifAvailable(probe -> probe.evictIfClosed(storage));
            response.resetBuffer();
            response.setHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
            ProblemDetail problem = Problems.of(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    STORAGE_UNAVAILABLE,
                    "Storage unavailable",
                    "a store of the service cannot serve now (" + reason + "), so this request was"
                            + " not carried out; retry later");
            problems.write(request, response, problem);
        }
    }
}
