package cn.qinghai.ledger.command;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The command side as a service of its own (port 8081): aggregates, rules, command API and deadlines.
 * In the postgres profile it shares the event store with the query side; in the axonserver profile
 * both go through Axon Server. It keeps no read model, so MongoDB is not configured here.
 */
@SpringBootApplication(scanBasePackages = {"cn.qinghai.ledger.command", "cn.qinghai.ledger.platform"})
public class CommandSideApplication {

    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .properties(
                        Map.of(
                                "spring.application.name", "ledger-command-side",
                                "server.port", "8081",
                                "spring.autoconfigure.exclude",
                                        String.join(
                                                ",",
                                                "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration",
                                                "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration",
                                                "org.springframework.boot.autoconfigure.data.mongo.MongoRepositoriesAutoConfiguration")));
    }
}
