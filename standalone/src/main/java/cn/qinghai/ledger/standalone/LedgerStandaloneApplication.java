package cn.qinghai.ledger.standalone;

import cn.qinghai.ledger.command.CommandSideApplication;
import cn.qinghai.ledger.query.QuerySideApplication;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Runs the command side and the query side in one JVM on the embedded default. A launcher only:
 * every bean comes from {@code command-side}, {@code query-side} and {@code platform}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = "cn.qinghai.ledger")
@ComponentScan(
        basePackages = {"cn.qinghai.ledger.platform", "cn.qinghai.ledger.command", "cn.qinghai.ledger.query"},
        excludeFilters = {
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
            @ComponentScan.Filter(
                    type = FilterType.ASSIGNABLE_TYPE,
                    classes = {CommandSideApplication.class, QuerySideApplication.class})
        })
public class LedgerStandaloneApplication {

    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(LedgerStandaloneApplication.class)
                .properties(Map.of("spring.application.name", "ledger-standalone"));
    }
}
