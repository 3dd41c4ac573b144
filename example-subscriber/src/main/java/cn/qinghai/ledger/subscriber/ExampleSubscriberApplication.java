package cn.qinghai.ledger.subscriber;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * An example of another JVM service that follows the ledger (联席会议台账) through Axon: it depends on
 * the ledger's published language ({@code shared-events}) and nothing else of it, and reads the
 * ledger's events with its own tracking event processor, from the shared PostgreSQL event store
 * ({@code postgres} profile, the default) or through Axon Server ({@code axonserver} profile).
 * See {@link TaskFollower} for what it does with them.
 *
 * <p>Its configuration file is {@code example-subscriber.yml} (not {@code application.yml}), so that it
 * can run beside the ledger in one JVM, as its test does, without either reading the other's settings.
 */
@SpringBootApplication
public class ExampleSubscriberApplication {

    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ExampleSubscriberApplication.class)
                .properties(Map.of("spring.config.name", "example-subscriber"));
    }
}
