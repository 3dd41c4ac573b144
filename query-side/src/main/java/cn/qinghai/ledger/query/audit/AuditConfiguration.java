package cn.qinghai.ledger.query.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The audit processor: a pooled streaming processor with exactly one segment, so that the trail sees
 * the events in global order and can chain them; and errors propagate, so an event the trail cannot
 * record is retried rather than skipped (a skipped event would later show as unrecorded).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

    @Autowired
    void singleSegmentAuditProcessor(EventProcessingConfigurer configurer) {
        configurer
                .registerPooledStreamingEventProcessor(
                        AuditTrailProjection.GROUP,
                        Configuration::eventStore,
                        (config, builder) -> builder.initialSegmentCount(1)
                                .maxClaimedSegments(1)
                                .batchSize(100))
                .registerListenerInvocationErrorHandler(
                        AuditTrailProjection.GROUP, config -> PropagatingErrorHandler.instance());
    }

    /**
     * With the JPA event store (embedded and postgres profiles) the position of an event is asked of
     * Axon's {@code DomainEventEntry}; without it (Axon Server) no lookup is ever needed.
     */
    @Bean
    GlobalIndexLookup globalIndexLookup(ObjectProvider<EntityManagerFactory> factories) {
        EntityManagerFactory factory = factories.getIfAvailable();
        if (factory == null) {
            return GlobalIndexLookup.NONE;
        }
        return eventIdentifier -> {
            EntityManager em = factory.createEntityManager();
            try {
                List<Long> found = em.createQuery(
                                "select e.globalIndex from DomainEventEntry e where e.eventIdentifier = :id",
                                Long.class)
                        .setParameter("id", eventIdentifier)
                        .getResultList();
                return found.isEmpty() ? OptionalLong.empty() : OptionalLong.of(found.get(0));
            } catch (IllegalArgumentException notTheJpaStore) {
                return OptionalLong.empty();
            } finally {
                em.close();
            }
        };
    }
}
