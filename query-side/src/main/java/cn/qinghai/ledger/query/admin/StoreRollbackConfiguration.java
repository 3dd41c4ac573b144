package cn.qinghai.ledger.query.admin;

import java.util.Map;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs {@link StoreRollbackGuard} before the event processors start, and reports it in health. */
@Configuration(proxyBeanMethods = false)
class StoreRollbackConfiguration {

    /** Just before the phase in which Axon starts the event processors. */
    @Bean
    ConfigurerModule storeRollbackCheckBeforeProcessors(ObjectProvider<StoreRollbackGuard> guard) {
        return configurer -> configurer.onStart(
                Phase.INBOUND_EVENT_CONNECTORS - 1, () -> guard.getObject().check());
    }

    /**
     * {@code OUT_OF_SERVICE} while projections are rebuilt after the event store went back (they may
     * show events that are gone); otherwise {@code UP}, naming the last detection if there was one.
     */
    @Bean
    HealthIndicator readModelConsistencyHealthIndicator(StoreRollbackGuard guard) {
        return () -> {
            var recorded = guard.recorded();
            var rebuilding = guard.rebuilding();
            Health.Builder health =
                    rebuilding.isEmpty() ? Health.up() : Health.outOfService().withDetail("rebuilding", rebuilding);
            health.withDetail("storeRollbacksDetected", recorded.size());
            if (!recorded.isEmpty()) {
                var last = recorded.get(0);
                health.withDetail(
                        "lastStoreRollback",
                        Map.of(
                                "detectedAt",
                                last.detectedAt().toString(),
                                "keptUpTo",
                                last.keptUpTo(),
                                "trailEntriesWithdrawn",
                                last.trailEntriesWithdrawn(),
                                "rebuilt",
                                last.rebuilt()));
            }
            return health.build();
        };
    }
}
