package cn.qinghai.ledger.query.platform;

import cn.qinghai.ledger.testsupport.Xining;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The shared test clock of {@code test-support} under the name the query side's tests knew it by: kept so that
 * tests written against it still compile; new tests use {@link cn.qinghai.ledger.testsupport.MutableClock}.
 */
public final class MutableClock extends cn.qinghai.ledger.testsupport.MutableClock {

    public static final ZoneId ZONE = Xining.ZONE;

    private MutableClock(Instant instant) {
        super(instant);
    }

    public static MutableClock on(LocalDate day) {
        return new MutableClock(Xining.morning(day));
    }
}
