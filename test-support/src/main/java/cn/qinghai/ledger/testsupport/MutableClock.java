package cn.qinghai.ledger.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A clock in Xining time that the test moves by hand (never sleep). */
public class MutableClock extends Clock {

    private volatile Instant instant;

    public MutableClock(Instant instant) {
        this.instant = instant;
    }

    /** 09:00 in Xining on {@code day}. */
    public static MutableClock on(LocalDate day) {
        return new MutableClock(Xining.morning(day));
    }

    public void set(Instant instant) {
        this.instant = instant;
    }

    /** 09:00 in Xining on {@code day}. */
    public void set(LocalDate day) {
        set(Xining.morning(day));
    }

    public void advance(Duration by) {
        instant = instant.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return Xining.ZONE;
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
