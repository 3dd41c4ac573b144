package cn.qinghai.ledger.query.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A clock the test moves by hand (never sleep): 09:00 in Asia/Shanghai on the day set. */
public final class MutableClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private volatile Instant instant;

    private MutableClock(Instant instant) {
        this.instant = instant;
    }

    public static MutableClock on(LocalDate day) {
        MutableClock clock = new MutableClock(Instant.EPOCH);
        clock.set(day);
        return clock;
    }

    public void set(LocalDate day) {
        instant = day.atTime(9, 0).atZone(ZONE).toInstant();
    }

    public void advance(java.time.Duration by) {
        instant = instant.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant, zone);
    }

    @Override
    public Instant instant() {
        return instant;
    }
}
