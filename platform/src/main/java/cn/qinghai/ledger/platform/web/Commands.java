package cn.qinghai.ledger.platform.web;

import cn.qinghai.ledger.events.LedgerMetaData;
import cn.qinghai.ledger.platform.axon.AggregateVersions;
import cn.qinghai.ledger.platform.axon.ExpectedVersionCommandTargetResolver;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * How the REST layer sends a command: synchronously, so the caller learns at once whether it was
 * accepted, with the optional {@code reason} the user gave and the version the client expects
 * ({@link IfMatch}, from {@code If-Match}): then the command is refused (409) if changes that matter to
 * it were made since (the conflict tables of the aggregates). After success the response carries, as
 * {@code ETag}, the version this command wrote, taken from its own unit of work
 * ({@link AggregateVersions}). Who sent it is stamped at dispatch.
 */
@Component
public class Commands {

    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(IfMatch expected, Object command, String reason) {
        Map<String, Object> metaData = new HashMap<>();
        if (reason != null && !reason.isBlank()) {
            metaData.put(LedgerMetaData.REASON, reason);
        }
        if (expected != null && expected.version() != null) {
            metaData.put(ExpectedVersionCommandTargetResolver.EXPECTED_VERSION, expected.version());
        }
        CommandMessage<?> message =
                GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
        FutureCallback<Object, R> callback = new FutureCallback<>();
        gateway.send(message, callback);
        CommandResultMessage<? extends R> result = callback.getResult();
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new CommandExecutionException("the command failed: " + failure.getMessage(), failure);
        }
        if (result.getMetaData().get(AggregateVersions.METADATA_KEY) instanceof Number version
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            HttpServletResponse response = a.getResponse();
            if (response != null) {
                response.setHeader("ETag", "\"" + version.longValue() + "\"");
            }
        }
        return result.getPayload();
    }

    public <R> R send(IfMatch expected, Object command) {
        return send(expected, command, null);
    }

    /** A command sent with no expectation of its target's version (the seed loader, internal callers). */
    public <R> R send(Object command) {
        return send(IfMatch.NONE, command, null);
    }
}
