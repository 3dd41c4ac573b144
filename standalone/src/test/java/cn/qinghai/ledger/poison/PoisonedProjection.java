package cn.qinghai.ledger.poison;

import cn.qinghai.ledger.events.task.TaskAssignedEvent;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A projection with a bug: it fails on tasks titled "POISON" until the bug is "fixed". */
@ProcessingGroup(PoisonedProjection.GROUP)
public class PoisonedProjection {

    public static final String GROUP = "poison-test";

    public volatile boolean broken = true;
    public final Set<String> seen = ConcurrentHashMap.newKeySet();

    @EventHandler
    void on(TaskAssignedEvent event) {
        if (broken && event.title().contains("POISON")) {
            throw new IllegalStateException("cannot project " + event.taskId());
        }
        seen.add(event.taskId());
    }

    @Configuration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        public PoisonedProjection poisonedProjection() {
            return new PoisonedProjection();
        }
    }
}
