package cn.qinghai.ledger.standalone;

import cn.qinghai.ledger.testsupport.MutableClock;
import cn.qinghai.ledger.testsupport.Xining;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Controllable time for end-to-end tests: the service's clock ("today", report times) and the
 * deadline scheduler's clock move together, so a due date can pass without sleeping.
 */
@Configuration(proxyBeanMethods = false)
class TestClocks {

    static final ZoneId ZONE = Xining.ZONE;

    /** A clock a test sets; shared by both beans. */
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"));

    static final SettableClock SCHEDULER_CLOCK = new SettableClock();

    static void set(Instant instant) {
        CLOCK.set(instant);
        SCHEDULER_CLOCK.set(instant);
    }

    @Bean
    Clock ledgerClock() {
        return CLOCK;
    }

    @Bean
    com.github.kagkarlsson.scheduler.Clock dbSchedulerClock() {
        return SCHEDULER_CLOCK;
    }
}
