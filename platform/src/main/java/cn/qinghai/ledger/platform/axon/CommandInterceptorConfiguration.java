package cn.qinghai.ledger.platform.axon;

import cn.qinghai.ledger.platform.web.IdempotentCommandInterceptor;
import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the command interceptors on whichever command bus the profile provides (local or Axon
 * Server). Kept apart from {@link AxonConfiguration}: the bus depends on the correlation providers
 * defined there.
 */
@Configuration(proxyBeanMethods = false)
class CommandInterceptorConfiguration {

    @Autowired
    void registerCommandInterceptors(CommandBus commandBus, Clock clock, IdempotentCommandInterceptor idempotency) {
        commandBus.registerDispatchInterceptor(new CommandMetadataInterceptor(clock));
        commandBus.registerDispatchInterceptor(idempotency);
        commandBus.registerHandlerInterceptor(AggregateVersions.resultInterceptor());
        commandBus.registerHandlerInterceptor(new RuleViolationInterceptor());
        commandBus.registerHandlerInterceptor(idempotency);
        commandBus.registerHandlerInterceptor(new MdcCorrelationInterceptor<>());
    }

    /** Keeps the version each aggregate command handler leaves its aggregate at (the answer's ETag). */
    @Bean
    HandlerEnhancerDefinition aggregateVersionEnhancer() {
        return AggregateVersions.enhancer();
    }

    @Autowired
    void registerEventInterceptors(EventProcessingConfigurer processing) {
        processing.registerDefaultHandlerInterceptor((configuration, name) -> new MdcCorrelationInterceptor<>());
    }
}
