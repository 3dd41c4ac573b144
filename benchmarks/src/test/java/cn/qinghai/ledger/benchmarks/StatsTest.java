package cn.qinghai.ledger.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The harness's arithmetic only: the benchmark itself never runs in the build. */
class StatsTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Stats s = new Stats();
        for (int i = 100; i >= 1; i--) {
            s.add(i * 1_000_000L);
        }
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.percentileMillis(50)).isEqualTo(50.0);
        assertThat(s.percentileMillis(99)).isEqualTo(99.0);
        assertThat(s.percentileMillis(100)).isEqualTo(100.0);
        assertThat(s.maxMillis()).isEqualTo(100.0);
    }

    @Test
    void noSamplesGiveNoFigureRatherThanZero() {
        assertThat(new Stats().percentileMillis(99)).isNaN();
        assertThat(Results.finite(Double.NaN)).isNull();
        assertThat(Results.format(Double.NaN)).isEqualTo("n/a");
    }
}
