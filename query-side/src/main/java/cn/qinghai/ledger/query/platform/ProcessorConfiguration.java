package cn.qinghai.ledger.query.platform;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Projections run in pooled streaming processors: they read the event store from the first event on
 * their own threads, claim segments through the token store (so several query-side instances can
 * share the work), and can be reset for a replay. Per-group tuning goes in
 * {@code axon.eventhandling.processors.<group>.*}.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorConfiguration {

    @Autowired
    void pooledStreamingByDefault(EventProcessingConfigurer configurer) {
        configurer.usingPooledStreamingEventProcessors();
    }

    /** Every processor writes its projections' staged work after the last event of each batch. */
    @Autowired
    void projectionWriteBatching(EventProcessingConfigurer configurer) {
        configurer.registerDefaultHandlerInterceptor((config, processorName) -> new ProjectionBatch.Flush());
    }
}
