package cn.qinghai.ledger.query.platform;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
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

    @Bean
    TokenStore tokenStore(MongoClient client, ReadModelStoreProperties properties,
                          @Qualifier("serializer") Serializer serializer) {
        MongoTokenStore tokenStore = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(client, properties.getDatabase())
                        .build())
                .serializer(serializer)
                .build();
        tokenStore.ensureIndexes();
        return tokenStore;
    }
}
