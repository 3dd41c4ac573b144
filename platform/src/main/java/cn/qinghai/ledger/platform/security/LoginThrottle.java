package cn.qinghai.ledger.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down, per account and per client address. After {@code free} failed sign-ins
 * in a row, each further try must wait twice as long as the one before (one second, two, four …) since
 * the last failure, up to a ceiling: short for an account ({@code ledger.security.throttle.account-max-delay},
 * 1 minute), so an attacker who knows a user name cannot lock that person out for long; longer for an
 * address ({@code address-max-delay}, 15 minutes), which is the attacker's own. A successful sign-in
 * clears the account's count. Counts are forgotten after {@code ledger.security.throttle.window}
 * (15 minutes) without a failure, and at most 100,000 accounts and addresses are remembered.
 * Throttled attempts are answered {@code 429} with {@code Retry-After} and are not checked at all, so a
 * right password sent while throttled does not sign in; each one is logged and counted in metrics
 * ({@code ledger.signin.failures}, {@code ledger.signin.throttled}).
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    /** A run of failures: how many, and when the last one was. */
    private record Failures(int count, Instant last) {}

    private final Cache<String, Failures> accounts;
    private final Cache<String, Failures> addresses;
    private final int accountFree;
    private final int addressFree;
    private final Duration accountMaxDelay;
    private final Duration addressMaxDelay;
    private final Clock clock;
    private final MeterRegistry meters;

    public LoginThrottle(
            @Value("${ledger.security.throttle.account-free-failures:5}") int accountFree,
            @Value("${ledger.security.throttle.address-free-failures:20}") int addressFree,
            @Value("${ledger.security.throttle.account-max-delay:PT1M}") Duration accountMaxDelay,
            @Value("${ledger.security.throttle.address-max-delay:PT15M}") Duration addressMaxDelay,
            @Value("${ledger.security.throttle.window:PT15M}") Duration window,
            Clock clock,
            MeterRegistry meters) {
        this.accounts = Caffeine.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(100_000)
                .build();
        this.addresses = Caffeine.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(100_000)
                .build();
        this.accountFree = accountFree;
        this.addressFree = addressFree;
        this.accountMaxDelay = accountMaxDelay;
        this.addressMaxDelay = addressMaxDelay;
        this.clock = clock;
        this.meters = meters;
    }

    /** How long this attempt must wait; zero when it may go ahead. */
    public Duration waitBefore(String username, String address) {
        Instant now = clock.instant();
        Duration account = username == null
                ? Duration.ZERO
                : remaining(accounts.getIfPresent(username), accountFree, accountMaxDelay, now);
        Duration byAddress = address == null
                ? Duration.ZERO
                : remaining(addresses.getIfPresent(address), addressFree, addressMaxDelay, now);
        Duration wait = account.compareTo(byAddress) >= 0 ? account : byAddress;
        if (!wait.isZero()) {
            meters.counter("ledger.signin.throttled", "by", account.compareTo(byAddress) >= 0 ? "account" : "address")
                    .increment();
            log.warn("sign-in throttled for {}s: user '{}' from {}", seconds(wait), username, address);
        }
        return wait;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (username != null) {
            accounts.asMap().merge(username, new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
        }
        if (address != null) {
            addresses.asMap().merge(address, new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
        }
        meters.counter("ledger.signin.failures").increment();
        log.info("failed sign-in: user '{}' from {}", username, address);
    }

    public void succeeded(String username) {
        if (username != null) {
            accounts.invalidate(username);
        }
    }

    private static Duration remaining(Failures failures, int free, Duration max, Instant now) {
        if (failures == null || failures.count() < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(30, failures.count() - free);
        Duration delay = Duration.ofSeconds(1L << doublings);
        if (delay.compareTo(max) > 0) {
            delay = max;
        }
        Duration left = Duration.between(now, failures.last().plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
