package cn.qinghai.ledger.platform.web;

import cn.qinghai.ledger.events.LedgerMetaData;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * How the REST layer sends a command: synchronously, so the caller learns at once whether it was
 * accepted, with the optional {@code reason} the user gave. Who sent it is stamped at dispatch.
 */
@Component
public class Commands {

    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command, String reason) {
        MetaData metaData = reason == null || reason.isBlank()
                ? MetaData.emptyInstance()
                : MetaData.from(Map.of(LedgerMetaData.REASON, reason));
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }

    public <R> R send(Object command) {
        return send(command, null);
    }
}
