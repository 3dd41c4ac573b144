package cn.qinghai.ledger.platform.web;

import cn.qinghai.ledger.events.LedgerMetaData;
import cn.qinghai.ledger.platform.axon.ExpectedVersionCommandTargetResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * How the REST layer sends a command: synchronously, so the caller learns at once whether it was
 * accepted, with the optional {@code reason} the user gave. When the request carries
 * {@code If-Match: "n"}, the command is refused (409) unless the aggregate is still at version n;
 * after success the response carries the aggregate's new version as {@code ETag}. Who sent it is
 * stamped at dispatch.
 */
@Component
public class Commands {

    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

    private final CommandGateway gateway;
    private final EventStore eventStore;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    public Commands(CommandGateway gateway, EventStore eventStore) {
        this.gateway = gateway;
        this.eventStore = eventStore;
    }

    public <R> R send(Object command, String reason) {
        Map<String, Object> metaData = new HashMap<>();
        if (reason != null && !reason.isBlank()) {
            metaData.put(LedgerMetaData.REASON, reason);
        }
        HttpServletRequest request = currentRequest();
        String ifMatch = request == null ? null : request.getHeader("If-Match");
        if (ifMatch != null) {
            metaData.put(ExpectedVersionCommandTargetResolver.EXPECTED_VERSION, parseVersion(ifMatch));
        }
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
        R result = gateway.sendAndWait(message);
        HttpServletResponse response = currentResponse();
        if (response != null) {
            String target = targets.resolveTarget(message).getIdentifier();
            eventStore.lastSequenceNumberFor(target).ifPresent(v -> response.setHeader("ETag", "\"" + v + "\""));
        }
        return result;
    }

    public <R> R send(Object command) {
        return send(command, null);
    }

    static long parseVersion(String ifMatch) {
        Matcher m = ETAG.matcher(ifMatch.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("If-Match must be the version from an ETag, e.g. \"3\"");
        }
        return Long.parseLong(m.group(1));
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest() : null;
    }

    private static HttpServletResponse currentResponse() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getResponse() : null;
    }
}
