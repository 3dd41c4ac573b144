package cn.qinghai.ledger.query.unitstatus;

import cn.qinghai.ledger.events.conference.FindUnitsQuery;
import cn.qinghai.ledger.events.conference.UnitView;
import cn.qinghai.ledger.query.roster.RosterQueries;
import cn.qinghai.ledger.query.tasklist.RagPolicy;
import cn.qinghai.ledger.query.tasklist.TaskReadModel;
import cn.qinghai.ledger.query.tasklist.TaskRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Per-unit gauges of the tasks each unit leads: {@code ledger.tasks.open} (not closed) and
 * {@code ledger.tasks.overdue} (red for lateness), tagged {@code conference} and {@code unit}, at
 * {@code /actuator/prometheus}. Values come from the task read model, counted on a background thread
 * every {@code ledger.metrics.unit-gauges-refresh} (default 10 s), so a scrape never queries MongoDB;
 * every active unit of the roster has a series, at zero when it leads nothing open.
 */
@Component
class UnitTaskGauges {

    static final String OPEN = "ledger.tasks.open";
    static final String OVERDUE = "ledger.tasks.overdue";

    private static final Logger log = LoggerFactory.getLogger(UnitTaskGauges.class);

    record Key(String conferenceId, String unitCode) {
    }

    record Counts(int open, int overdue) {
    }

    private final TaskReadModel tasks;
    private final RosterQueries roster;
    private final RagPolicy rag;
    private final Duration refresh;
    private final MultiGauge open;
    private final MultiGauge overdue;
    private volatile Map<Key, Counts> counts = Map.of();
    private Set<Key> registered = Set.of();
    private ScheduledExecutorService scheduler;

    UnitTaskGauges(MeterRegistry registry, TaskReadModel tasks, RosterQueries roster, RagPolicy rag,
                   @Value("${ledger.metrics.unit-gauges-refresh:PT10S}") Duration refresh) {
        this.tasks = tasks;
        this.roster = roster;
        this.rag = rag;
        this.refresh = refresh;
        this.open = MultiGauge.builder(OPEN).description("open tasks led by the unit (未办结督办事项)")
                .register(registry);
        this.overdue = MultiGauge.builder(OVERDUE).description("overdue tasks led by the unit (逾期督办事项)")
                .register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-unit-gauges");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Counts again; registers the series anew only when the set of units changed. */
    synchronized void refresh() {
        Map<Key, Counts> fresh = new HashMap<>();
        for (UnitView unit : roster.handle(new FindUnitsQuery(null, false)).items()) {
            fresh.put(new Key(unit.conferenceId(), unit.unitCode()), new Counts(0, 0));
        }
        LocalDate today = rag.today();
        for (TaskRecord task : tasks.open()) {
            int late = rag.assess(task, today).overdue() ? 1 : 0;
            fresh.merge(new Key(task.conferenceId(), task.leadUnitCode()), new Counts(1, late),
                    (a, b) -> new Counts(a.open() + b.open(), a.overdue() + b.overdue()));
        }
        counts = fresh;
        if (!fresh.keySet().equals(registered)) {
            registered = Set.copyOf(fresh.keySet());
            open.register(registered.stream().map(key -> MultiGauge.Row.of(tags(key), this,
                    gauges -> gauges.value(key).open())).toList(), true);
            overdue.register(registered.stream().map(key -> MultiGauge.Row.of(tags(key), this,
                    gauges -> gauges.value(key).overdue())).toList(), true);
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // the read model may be unavailable for a moment (start, shutdown): keep the last values
            log.debug("unit task gauges not refreshed: {}", e.toString());
        }
    }

    private Counts value(Key key) {
        return counts.getOrDefault(key, new Counts(0, 0));
    }

    private static Tags tags(Key key) {
        return Tags.of("conference", String.valueOf(key.conferenceId()), "unit", String.valueOf(key.unitCode()));
    }
}
