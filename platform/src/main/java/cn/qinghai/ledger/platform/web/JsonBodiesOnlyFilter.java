package cn.qinghai.ledger.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every command body of the API is JSON: a write to {@code /api/**} that declares another type
 * (multipart, a form, XML, text) is answered {@code 415} before anything reads it, so no filter or
 * parser meets a body it was never meant for. Multipart parsing is off altogether
 * ({@code spring.servlet.multipart.enabled=false}): the API takes no uploads.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
public class JsonBodiesOnlyFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    public JsonBodiesOnlyFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !request.getRequestURI().startsWith("/api/")
                || request.getContentType() == null
                || !("POST".equals(method)
                        || "PUT".equals(method)
                        || "PATCH".equals(method)
                        || "DELETE".equals(method));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isJson(request.getContentType())) {
            response.setHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
            problems.write(
                    request,
                    response,
                    Problems.of(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            Problems.MALFORMED,
                            "Unsupported media type",
                            "request bodies are JSON (Content-Type: application/json), not "
                                    + request.getContentType().split(";", 2)[0].trim()));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isJson(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.isCompatibleWith(type)
                    || type.getSubtype().endsWith("+json");
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
