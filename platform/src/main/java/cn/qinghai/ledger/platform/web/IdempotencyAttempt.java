package cn.qinghai.ledger.platform.web;

import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * One attempt at a request sent with an {@code Idempotency-Key}: the record it owns and the attempt's
 * own id. {@link IdempotencyFilter} sets it on the request; {@link IdempotentCommandInterceptor} carries
 * it in the metadata of the commands the request sends.
 */
public record IdempotencyAttempt(String recordKey, String attempt) {

    static final String ATTRIBUTE = IdempotencyAttempt.class.getName();

    /** The attempt of the request this thread is serving, if it carries an {@code Idempotency-Key}. */
    static Optional<IdempotencyAttempt> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes != null
                        && attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
                                instanceof IdempotencyAttempt a
                ? Optional.of(a)
                : Optional.empty();
    }
}
