package cn.qinghai.ledger.platform.web;

import cn.qinghai.ledger.events.Ids;
import cn.qinghai.ledger.platform.axon.CommandMetadataInterceptor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (the client's {@code X-Request-Id} when it is a valid id, else a new
 * UUID), echoes it in the response and keeps it in the logging context, from where it goes into the
 * metadata of the commands the request sends.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String requestId = Ids.isValid(given) ? given : UUID.randomUUID().toString();
        MDC.put(CommandMetadataInterceptor.MDC_REQUEST_ID, requestId);
        response.setHeader(HEADER, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(CommandMetadataInterceptor.MDC_REQUEST_ID);
        }
    }
}
