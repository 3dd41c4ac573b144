package cn.qinghai.ledger.query.platform;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read models' database and the tracking tokens beside it: each projection's position is kept in
 * the same MongoDB as its data ({@link MongoTokenStore}), so resetting a store resets both.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadModelStoreProperties.class)
class ReadModelConfiguration {

    @Bean
    MongoDatabase readModelDatabase(MongoClient client, ReadModelStoreProperties properties) {
        return client.getDatabase(properties.getDatabase());
    }

    /**
     * What the read-model store can do, decided here once: the in-process server when it runs (no secondary
     * index used, one process), MongoDB otherwise. Projections and queries ask its capabilities.
     */
    @Bean
    ReadModelStore readModelStore(ObjectProvider<MongoServer> inProcessServer) {
        return inProcessServer.getIfAvailable() == null ? ReadModelStore.MONGODB : ReadModelStore.IN_PROCESS;
    }

    /** Axon's view of the read-model database: tracking tokens and dead letters. */
    @Bean
    org.axonframework.extensions.mongo.MongoTemplate axonMongoTemplate(
            MongoClient client, ReadModelStoreProperties properties) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(client, properties.getDatabase())
                .build();
    }

    @Bean
    TokenStore tokenStore(
            org.axonframework.extensions.mongo.MongoTemplate axonMongoTemplate,
            @Qualifier("serializer") Serializer serializer) {
        MongoTokenStore tokenStore = MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
        tokenStore.ensureIndexes();
        return tokenStore;
    }

    /**
     * A failing event handler parks the event — and the later events of the same aggregate, to keep
     * their order — in a dead-letter queue of its processing group, in MongoDB beside the read models,
     * instead of stopping the projection. Enabled per group with
     * {@code axon.eventhandling.processors.<group>.dlq.enabled=true}.
     */
    @Bean
    DeadLetterQueueProviderConfigurerModule deadLetterQueueProviderConfigurerModule(
            EventProcessorProperties processors,
            org.axonframework.extensions.mongo.MongoTemplate axonMongoTemplate,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            TransactionManager transactionManager) {
        return new DeadLetterQueueProviderConfigurerModule(
                processors,
                group -> configuration -> MongoSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .mongoTemplate(axonMongoTemplate)
                        .serializer(eventSerializer)
                        .transactionManager(transactionManager)
                        .build());
    }
}
