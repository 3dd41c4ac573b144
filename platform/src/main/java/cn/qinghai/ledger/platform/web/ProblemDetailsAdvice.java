package cn.qinghai.ledger.platform.web;

import cn.qinghai.ledger.events.RuleViolatedException;
import cn.qinghai.ledger.events.RuleViolation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as RFC 9457 problem details: 400 with the offending fields, 404, 409 and 422
 * naming the rule. Spring MVC's own errors (bad method, bad media type, type mismatch, ...) keep the
 * base class's problem answers.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::fieldError)
                .toList();
        List<Map<String, String>> global = ex.getBindingResult().getGlobalErrors().stream()
                .map(e -> Map.of("field", e.getObjectName(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        return invalid(concat(errors, global));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Map.of(
                                "field",
                                        String.valueOf(
                                                result.getMethodParameter().getParameterName()),
                                "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                Problems.MALFORMED,
                "Malformed request",
                "the request body is not valid JSON of the expected shape");
        if (ex.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            String message =
                    mapping instanceof UnrecognizedPropertyException ? "unknown field" : "wrong type or format";
            problem.setDetail("field '" + field + "': " + message);
            problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList();
        return invalid(errors);
    }

    @ExceptionHandler(RuleViolatedException.class)
    ResponseEntity<ProblemDetail> ruleViolated(RuleViolatedException ex) {
        return refusal(ex.violation());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException ex) {
        RuleViolation violation = ex.getDetails()
                .filter(RuleViolation.class::isInstance)
                .map(RuleViolation.class::cast)
                .orElse(null);
        if (violation != null) {
            return refusal(violation);
        }
        if (ex.getCause() instanceof RuleViolatedException cause) {
            return refusal(cause.violation());
        }
        if (ex.getCause() instanceof AggregateNotFoundException cause) {
            return aggregateNotFound(cause);
        }
        throw ex;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException ex) {
        return refusal(new RuleViolation(
                "KnownAggregate", RuleViolation.Kind.NOT_FOUND, "nothing with id " + ex.getAggregateIdentifier()));
    }

    /** If-Match named a version the aggregate has moved past: reload, look, retry. */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException ex) {
        ResponseEntity<ProblemDetail> answer = refusal(new RuleViolation(
                "ExpectedVersionIsCurrent",
                RuleViolation.Kind.CONFLICT,
                "the record changed since you read it: you expected version " + ex.getExpectedVersion()
                        + ", the current version is " + ex.getActualVersion()));
        answer.getBody().setProperty("currentVersion", ex.getActualVersion());
        return ResponseEntity.status(answer.getStatusCode())
                .eTag("\"" + ex.getActualVersion() + "\"")
                .body(answer.getBody());
    }

    /** A create with an id that is taken, or a concurrent change to the same aggregate. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> concurrentChange(RuntimeException ex) {
        log.info("refused as conflicting: {}", ex.toString());
        return refusal(new RuleViolation(
                "NoConcurrentChange",
                RuleViolation.Kind.CONFLICT,
                "the id is already taken or the record changed at the same time; reload and retry"));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", ex.getMessage()));
    }

    /** A read model rebuilt after an upgrade: the query is answered 503 until it has switched over. */
    @ExceptionHandler(ReadModelRebuildingException.class)
    ResponseEntity<ProblemDetail> rebuilding(ReadModelRebuildingException ex) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", Long.toString(ReadModelRebuildingException.RETRY_AFTER.toSeconds()))
                .body(Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        Problems.READ_MODEL_REBUILDING,
                        "Read model being rebuilt",
                        ex.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> illegalArgument(IllegalArgumentException ex) {
        return ResponseEntity.badRequest()
                .body(Problems.of(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid request", ex.getMessage()));
    }

    static ResponseEntity<ProblemDetail> refusal(RuleViolation violation) {
        HttpStatus status = switch (violation.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RULE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        var type = switch (violation.kind()) {
            case NOT_FOUND -> Problems.NOT_FOUND;
            case CONFLICT -> Problems.CONFLICT;
            case RULE -> Problems.RULE;
        };
        ProblemDetail problem = Problems.of(status, type, title(violation), violation.message());
        problem.setProperty("rule", violation.rule());
        return ResponseEntity.status(status).body(problem);
    }

    private static String title(RuleViolation violation) {
        return switch (violation.kind()) {
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflict";
            case RULE -> "Rule violated: " + violation.rule();
        };
    }

    private static ResponseEntity<Object> invalid(List<Map<String, String>> errors) {
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                Problems.VALIDATION,
                "Invalid request",
                errors.isEmpty()
                        ? "the request is invalid"
                        : errors.stream()
                                .map(e -> e.get("field") + ": " + e.get("message"))
                                .collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }

    private static String lastNode(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return b.isEmpty()
                ? a
                : java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
