package cn.qinghai.ledger.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The ledger's time zone (Asia/Shanghai, as in Xining) and the instants and clocks tests build from it. */
public final class Xining {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Xining() {}

    /** 09:00 in Xining on {@code day}: the office's working morning. */
    public static Instant morning(LocalDate day) {
        return day.atTime(9, 0).atZone(ZONE).toInstant();
    }

    /** A clock standing still at the start of {@code day} in Xining. */
    public static Clock fixedAtStartOf(LocalDate day) {
        return Clock.fixed(day.atStartOfDay(ZONE).toInstant(), ZONE);
    }
}
