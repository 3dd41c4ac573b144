package cn.qinghai.ledger.platform.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The stable problem {@code type}s of the API (RFC 9457). A client branches on {@code type} (and on
 * {@code rule} for refusals), never on the human {@code detail}.
 */
public final class Problems {

    public static final String BASE = "urn:ledger:problem:";
    public static final URI VALIDATION = URI.create(BASE + "validation");
    public static final URI MALFORMED = URI.create(BASE + "malformed-request");
    public static final URI UNAUTHENTICATED = URI.create(BASE + "unauthenticated");
    public static final URI FORBIDDEN = URI.create(BASE + "forbidden");
    public static final URI NOT_FOUND = URI.create(BASE + "not-found");
    public static final URI CONFLICT = URI.create(BASE + "conflict");
    public static final URI RULE = URI.create(BASE + "rule-violated");
    public static final URI TOO_LARGE = URI.create(BASE + "request-too-large");
    public static final URI IDEMPOTENCY = URI.create(BASE + "idempotency-key-reused");
    public static final URI READ_MODEL_REBUILDING = URI.create(BASE + "read-model-rebuilding");

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
