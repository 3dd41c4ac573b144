package cn.qinghai.ledger.standalone;

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

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A clock a test sets; shared by both beans. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

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
