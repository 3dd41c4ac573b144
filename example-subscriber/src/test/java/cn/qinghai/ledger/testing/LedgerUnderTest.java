package cn.qinghai.ledger.testing;

import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The ledger (both sides, as {@code standalone} runs them) for the subscriber's test. The standalone
 * module's artifact is the repackaged Boot jar, whose classes cannot be put on a classpath, so this
 * launcher repeats its three annotations. It lives outside {@code cn.qinghai.ledger.subscriber}, so the
 * subscriber's component scan never sees it; and the ledger's scan never sees the subscriber.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = "cn.qinghai.ledger")
@ComponentScan(
        basePackages = {"cn.qinghai.ledger.platform", "cn.qinghai.ledger.command", "cn.qinghai.ledger.query"},
        excludeFilters = {
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = LedgerUnderTest.Clocks.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)
        })
public class LedgerUnderTest {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The ledger's "now": Monday 2 March 2026, 09:00 in Xining. */
    public static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
    /** The deadline scheduler's clock, which the test moves past a due date. */
    public static final SettableClock SCHEDULER_CLOCK = new SettableClock();

    /** The ledger on the postgres profile against {@code jdbcUrl}, with the seed conference and demo users. */
    public static ConfigurableApplicationContext start(String jdbcUrl, String user, String password, Path dataDir) {
        SCHEDULER_CLOCK.set(NOW);
        return new SpringApplicationBuilder(LedgerUnderTest.class, Clocks.class)
                .properties(Map.of("spring.application.name", "ledger-under-test"))
                .run(
                        "--spring.profiles.active=postgres",
                        "--spring.datasource.url=" + jdbcUrl,
                        "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password,
                        "--server.port=0",
                        "--ledger.demo=true",
                        "--ledger.data-dir=" + dataDir,
                        "--ledger.read-model.in-process-store=MEMORY",
                        "--db-scheduler.polling-interval=1h");
    }

    @Configuration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        Clock ledgerClock() {
            return Clock.fixed(NOW, ZONE);
        }

        @Bean
        com.github.kagkarlsson.scheduler.Clock dbSchedulerClock() {
            return SCHEDULER_CLOCK;
        }
    }
}
