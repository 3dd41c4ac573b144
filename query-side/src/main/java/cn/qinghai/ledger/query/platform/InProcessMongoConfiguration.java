package cn.qinghai.ledger.query.platform;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default's read-model store: when no {@code spring.data.mongodb.uri} is configured, an
 * in-process MongoDB wire-protocol server (mongo-java-server) listens on a free loopback port and
 * Spring Boot's own MongoDB client (with its metrics) connects to it through the real driver. With the
 * FILE store its data is an H2 MVStore file under the data directory, so read models and their
 * tracking tokens survive a restart together.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty() and '${spring.data.mongodb.host:}'.isEmpty()")
class InProcessMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InProcessMongoConfiguration.class);

    /** As often as H2's own background writer commits by default, and about its default buffer. */
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(1);

    private static final long UNSAVED_LIMIT_BYTES = 16L << 20;

    @Bean(destroyMethod = "shutdown")
    MongoServer inProcessMongoServer(
            ReadModelStoreProperties properties,
            @Value("${ledger.data-dir:./data}") Path dataDir,
            ObjectProvider<MeterRegistry> meters) {
        MongoBackend backend;
        if (properties.getInProcessStore() == ReadModelStoreProperties.InProcessStore.MEMORY) {
            backend = SortedPages.memory();
        } else {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
            }
            MVStore file = openFile(dataDir, properties.getInProcessCacheMb());
            backend = new CommitsBetweenRequests(
                    SortedPages.file(file),
                    file,
                    COMMIT_EVERY,
                    UNSAVED_LIMIT_BYTES,
                    meters.getIfAvailable(SimpleMeterRegistry::new));
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        log.info(
                "in-process read-model store ({}, cache {} MB) listening on {}",
                properties.getInProcessStore(),
                properties.getInProcessCacheMb(),
                server.getLocalAddress());
        return server;
    }

    /**
     * The FILE store's H2 MVStore under {@code dataDir}, with a page cache of {@code cacheMb}, committed only
     * between requests ({@link CommitsBetweenRequests}).
     */
    static MVStore openFile(Path dataDir, int cacheMb) {
        return CommitsBetweenRequests.open(dataDir.resolve("readmodels.mv").toString(), cacheMb);
    }

    @Bean
    MongoConnectionDetails inProcessMongoConnectionDetails(MongoServer server, ReadModelStoreProperties properties) {
        var address = server.getLocalAddress();
        // On loopback a server that does not answer within seconds is not coming: fail the request (503)
        // instead of holding it for the driver's default 30 s.
        var uri = new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort() + "/"
                + properties.getDatabase() + "?serverSelectionTimeoutMS=5000&connectTimeoutMS=2000");
        return () -> uri;
    }

    /**
     * Replaces Boot's MongoDB health indicator (which sends {@code hello}, a command the in-process
     * server does not answer) with a {@code ping}. Against a real MongoDB, Boot's indicator stays.
     */
    @Bean(name = "mongoHealthContributor")
    HealthIndicator inProcessMongoHealth(MongoClient client, ReadModelStoreProperties properties) {
        return () -> {
            try {
                client.getDatabase(properties.getDatabase()).runCommand(new Document("ping", 1));
                return Health.up()
                        .withDetail("store", "in-process " + properties.getInProcessStore())
                        .build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }
}
