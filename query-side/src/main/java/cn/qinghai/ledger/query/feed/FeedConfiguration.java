package cn.qinghai.ledger.query.feed;

import cn.qinghai.ledger.platform.axon.AppendingTransactions;
import java.sql.Connection;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedProperties.class)
class FeedConfiguration {

    /**
     * How the feed learns that the transactions appending now have ended: from PostgreSQL's snapshot
     * (several processes may append), from this JVM's own appending units of work on H2 (one process
     * holds the file), and not at all with Axon Server (positions are handed out at commit).
     */
    @Bean
    AppendBarrier appendBarrier(
            ObjectProvider<EventStorageEngine> storage,
            ObjectProvider<DataSource> dataSource,
            ObjectProvider<JdbcTemplate> jdbc,
            AppendingTransactions local)
            throws Exception {
        if (storage.getIfAvailable() == null || dataSource.getIfAvailable() == null) {
            return AppendBarrier.NONE;
        }
        try (Connection connection = dataSource.getObject().getConnection()) {
            if (connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                return new PostgresAppendBarrier(jdbc.getObject());
            }
        }
        return local::awaitAllInFlightNow;
    }
}
