package cn.qinghai.ledger.command.lookup;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LookupConfiguration {

    /**
     * The lookups run in a subscribing processor: inside the unit of work that appends the events,
     * in the same database transaction, so a command never sees a lookup behind the event store. A
     * failure fails the command instead of being logged and lost.
     */
    @Autowired
    void subscribing(EventProcessingConfigurer configurer) {
        configurer
                .registerSubscribingEventProcessor(RosterLookupProjection.GROUP)
                .registerListenerInvocationErrorHandler(
                        RosterLookupProjection.GROUP, c -> PropagatingErrorHandler.instance());
    }
}
