package cn.qinghai.ledger.platform.axon;

import cn.qinghai.ledger.events.LedgerMetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon settings both sides share: what each command carries (metadata stamped at dispatch), what
 * passes from a command to the events it causes (correlation data), and how refusals travel.
 * Serializers (Jackson everywhere) and the update checker are set in the shared application.yml.
 */
@Configuration
public class AxonConfiguration {

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
}
