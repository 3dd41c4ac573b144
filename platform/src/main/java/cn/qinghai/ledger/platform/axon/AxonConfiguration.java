package cn.qinghai.ledger.platform.axon;

import cn.qinghai.ledger.events.LedgerMetaData;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Axon settings both sides share: what each command carries (metadata stamped at dispatch), what
 * passes from a command to the events it causes (correlation data), and how refusals travel.
 * Serializers (Jackson everywhere) and the update checker are set in the shared application.yml.
 */
@Configuration
public class AxonConfiguration {

    /** Axon's processor metrics, with a capacity window that does not hold ten minutes of samples. */
    @Bean
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry meterRegistry) {
        return new ProcessorMetricRegistry(meterRegistry);
    }

    /** Used by every aggregate ({@code @Aggregate(commandTargetResolver = ...)}): honours If-Match. */
    @Bean
    CommandTargetResolver versionedCommandTargetResolver() {
        return new ExpectedVersionCommandTargetResolver();
    }

    /** correlationId (the causing message) and traceId (the original request's message). */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Who, why and from which request: copied from each command onto its events. */
    @Bean
    CorrelationDataProvider ledgerMetaDataProvider() {
        return new SimpleCorrelationDataProvider(
                LedgerMetaData.ACTOR,
                LedgerMetaData.ACTOR_UNIT,
                LedgerMetaData.ACTOR_ROLE,
                LedgerMetaData.REASON,
                LedgerMetaData.REQUEST_ID,
                LedgerMetaData.ISSUED_AT);
    }

    /**
     * The local query bus, as Axon's auto-configuration builds it but without a JPA transaction around
     * each query: the read models are in MongoDB, and the event store reads in its own transactions,
     * so a slow query must not hold a database connection that the event store, the processors and the
     * commands need. Not with Axon Server (the {@code axonserver} profile), whose query bus Axon
     * configures around a local segment of its own, and where there is no JPA event store.
     */
    @Bean
    @Profile("!axonserver")
    @Qualifier("localSegment") SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .transactionManager(NoTransactionManager.INSTANCE)
                .errorHandler(axon.getComponent(
                        QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }
}
