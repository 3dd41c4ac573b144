package cn.qinghai.ledger.query;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The query side as a service of its own (port 8082): projections into MongoDB, queries, the event
 * feed and the dashboard. It reads the shared event store (postgres profile) or Axon Server; it sends
 * no commands and schedules no deadlines. Several instances share the projections' segments through
 * the token store in MongoDB.
 */
@SpringBootApplication(scanBasePackages = {"cn.qinghai.ledger.query", "cn.qinghai.ledger.platform"})
public class QuerySideApplication {

    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(QuerySideApplication.class)
                .properties(Map.of(
                        "spring.application.name",
                        "ledger-query-side",
                        "server.port",
                        "8082",
                        "spring.autoconfigure.exclude",
                        "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration"));
    }
}
