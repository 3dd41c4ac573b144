package cn.qinghai.ledger.platform.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health component {@code storage}: each store takes a small write now, or the component is
 * {@code DOWN} with the store and the reason. It is part of the readiness group, so a load balancer
 * stops sending requests while a store cannot write, and sends them again once it can: the probes run
 * at every check (at most every {@code ledger.storage.probe-interval}), so recovery needs no restart.
 * A request that met a storage failure ({@link StorageFailureFilter}) makes the next check probe at once.
 */
@Component("storage")
public class StorageHealthIndicator extends AbstractHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(StorageHealthIndicator.class);

    private final ObjectProvider<StorageProbe> probes;
    private final Duration interval;
    private final Clock clock;
    private volatile Instant checkedAt = Instant.EPOCH;
    private volatile Health last;

    public StorageHealthIndicator(
            ObjectProvider<StorageProbe> probes,
            @Value("${ledger.storage.probe-interval:PT2S}") Duration interval,
            Clock clock) {
        super("storage probe failed");
        this.probes = probes;
        this.interval = interval;
        this.clock = clock;
    }

    /** A request met a storage failure: probe again at the next check instead of answering from the last one. */
    public void failureSeen() {
        checkedAt = Instant.EPOCH;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Instant now = clock.instant();
        Health cached = last;
        if (cached != null && now.isBefore(checkedAt.plus(interval))) {
            builder.status(cached.getStatus()).withDetails(cached.getDetails());
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        boolean up = true;
        List<StorageProbe> all = probes.orderedStream().toList();
        for (StorageProbe probe : all) {
            try {
                probe.probe();
                details.put(probe.name(), "writable");
            } catch (Exception e) {
                up = false;
                Throwable cause = StorageFailures.find(e);
                String reason = StorageFailures.reason(cause != null ? cause : e);
                details.put(probe.name(), "cannot write: " + reason);
                log.warn("storage probe: {} cannot write: {}", probe.name(), reason);
            }
        }
        Health health = (up ? Health.up() : Health.down()).withDetails(details).build();
        last = health;
        checkedAt = now;
        builder.status(health.getStatus()).withDetails(details);
    }
}
