package cn.qinghai.ledger.platform.time;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one clock of the service, in the conference's time zone ({@code ledger.time-zone}, default
 * Asia/Shanghai), so that "today" and due dates mean the same thing everywhere. An auto-configuration,
 * so that a test's own {@code Clock} bean replaces it.
 */
@AutoConfiguration
public class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock ledgerClock(@Value("${ledger.time-zone:Asia/Shanghai}") ZoneId zone) {
        return Clock.system(zone);
    }
}
