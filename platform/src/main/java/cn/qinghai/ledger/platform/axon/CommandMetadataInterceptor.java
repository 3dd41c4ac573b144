package cn.qinghai.ledger.platform.axon;

import cn.qinghai.ledger.events.LedgerMetaData;
import cn.qinghai.ledger.platform.security.Caller;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.MDC;

/**
 * Stamps every command at dispatch with who entered it (user, unit, role), the request it came from
 * and the time it was accepted. Values already present (for example set by the seed loader) win.
 * Correlation data providers then copy these keys onto every event the command causes.
 */
public class CommandMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String MDC_REQUEST_ID = "requestId";

    private final Clock clock;

    public CommandMetadataInterceptor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Caller caller = Caller.current();
            Map<String, Object> stamp = new HashMap<>();
            putIfAbsent(command, stamp, LedgerMetaData.ACTOR, caller.username());
            putIfAbsent(command, stamp, LedgerMetaData.ACTOR_ROLE, caller.roleName());
            putIfAbsent(command, stamp, LedgerMetaData.ACTOR_UNIT, caller.unitCode());
            putIfAbsent(command, stamp, LedgerMetaData.REQUEST_ID, MDC.get(MDC_REQUEST_ID));
            putIfAbsent(
                    command,
                    stamp,
                    LedgerMetaData.ISSUED_AT,
                    OffsetDateTime.now(clock).toString());
            return stamp.isEmpty() ? command : command.andMetaData(stamp);
        };
    }

    private static void putIfAbsent(CommandMessage<?> command, Map<String, Object> stamp, String key, Object value) {
        if (value != null && !command.getMetaData().containsKey(key)) {
            stamp.put(key, value);
        }
    }
}
