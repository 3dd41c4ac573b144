package cn.qinghai.ledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordCacheTest {

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            bcryptChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-28T08:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final VerifiedPasswordCache cache = new VerifiedPasswordCache(counting, Duration.ofMinutes(1), 3, clock);

    @Test
    void aVerifiedPasswordIsCheckedOncePerMinute() {
        String hash = bcrypt.encode("demo");
        assertThat(cache.matches("demo", hash)).isTrue();
        assertThat(cache.matches("demo", hash)).isTrue();
        assertThat(bcryptChecks).hasValue(1);

        now.set(now.get().plusSeconds(61));
        assertThat(cache.matches("demo", hash)).isTrue();
        assertThat(bcryptChecks).hasValue(2);
    }

    @Test
    void wrongPasswordsAreNeverRememberedSoEveryGuessPaysForBcrypt() {
        String hash = bcrypt.encode("demo");
        assertThat(cache.matches("guess", hash)).isFalse();
        assertThat(cache.matches("guess", hash)).isFalse();
        assertThat(bcryptChecks).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aChangedPasswordMissesTheCacheAtOnce() {
        String oldHash = bcrypt.encode("demo");
        assertThat(cache.matches("demo", oldHash)).isTrue();
        String newHash = bcrypt.encode("changed");
        assertThat(cache.matches("demo", newHash)).isFalse();
        assertThat(cache.matches("changed", newHash)).isTrue();
        assertThat(bcryptChecks).hasValue(3);
    }

    @Test
    void theCacheStaysBounded() {
        for (int i = 0; i < 10; i++) {
            String hash = bcrypt.encode("pw" + i);
            assertThat(cache.matches("pw" + i, hash)).isTrue();
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }
}
