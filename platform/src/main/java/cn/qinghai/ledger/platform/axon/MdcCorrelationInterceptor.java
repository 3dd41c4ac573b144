package cn.qinghai.ledger.platform.axon;

import cn.qinghai.ledger.events.LedgerMetaData;
import java.util.List;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

/**
 * Puts the message's request, trace and correlation ids in the logging context while it is handled,
 * so every log line of an event handler or a deadline can be traced back to the request that caused
 * it (with structured logging on, they appear as fields).
 */
public class MdcCorrelationInterceptor<T extends Message<?>> implements MessageHandlerInterceptor<T> {

    private static final List<String> KEYS = List.of(LedgerMetaData.REQUEST_ID, "traceId", "correlationId");

    @Override
    public Object handle(UnitOfWork<? extends T> unitOfWork, InterceptorChain chain) throws Exception {
        var metaData = unitOfWork.getMessage().getMetaData();
        var previous = MDC.getCopyOfContextMap();
        try {
            for (String key : KEYS) {
                Object value = metaData.get(key);
                if (value != null) {
                    MDC.put(key, value.toString());
                }
            }
            return chain.proceed();
        } finally {
            if (previous == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previous);
            }
        }
    }
}
