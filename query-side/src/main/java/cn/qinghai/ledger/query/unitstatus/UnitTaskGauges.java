package cn.qinghai.ledger.query.unitstatus;

import cn.qinghai.ledger.events.conference.FindUnitsQuery;
import cn.qinghai.ledger.events.task.FindUnitStatusBoardQuery;
import cn.qinghai.ledger.events.task.UnitStatusView;
import cn.qinghai.ledger.query.roster.RosterQueries;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
 * {@code /actuator/prometheus}. Values come from the unit status board (the units' task counts), read
 * on a background thread every {@code ledger.metrics.unit-gauges-refresh} (default 10 s), so a scrape
 * never queries MongoDB; every active unit of the roster has a series, at zero when it leads nothing
 * open, and a removed unit has one while it still leads open tasks.
 */
@Component
class UnitTaskGauges {

    static final String OPEN = "ledger.tasks.open";
    static final String OVERDUE = "ledger.tasks.overdue";

    private static final Logger log = LoggerFactory.getLogger(UnitTaskGauges.class);

    record Key(String conferenceId, String unitCode) {}

    record Counts(int open, int overdue) {}

    private final UnitStatusQueries board;
    private final RosterQueries roster;
    private final Duration refresh;
    private final MultiGauge open;
    private final MultiGauge overdue;
    private volatile Map<Key, Counts> counts = Map.of();
    private Set<Key> registered = Set.of();
    private ScheduledExecutorService scheduler;

    UnitTaskGauges(
            MeterRegistry registry,
            UnitStatusQueries board,
            RosterQueries roster,
            @Value("${ledger.metrics.unit-gauges-refresh:PT10S}") Duration refresh) {
        this.board = board;
        this.roster = roster;
        this.refresh = refresh;
        this.open = MultiGauge.builder(OPEN)
                .description("open tasks led by the unit (未办结督办事项)")
                .register(registry);
        this.overdue = MultiGauge.builder(OVERDUE)
                .description("overdue tasks led by the unit (逾期督办事项)")
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
        Set<String> conferences = new LinkedHashSet<>();
        roster.handle(new FindUnitsQuery(null, true)).items().forEach(unit -> conferences.add(unit.conferenceId()));
        for (String conferenceId : conferences) {
            for (UnitStatusView unit : board.handle(new FindUnitStatusBoardQuery(conferenceId, true))
                    .items()) {
                if (unit.active() || unit.tasks().open() > 0) {
                    fresh.put(
                            new Key(unit.conferenceId(), unit.unitCode()),
                            new Counts(unit.tasks().open(), unit.overdue()));
                }
            }
        }
        counts = fresh;
        if (!fresh.keySet().equals(registered)) {
            registered = Set.copyOf(fresh.keySet());
            open.register(
                    registered.stream()
                            .map(key -> MultiGauge.Row.of(
                                    tags(key), this, gauges -> gauges.value(key).open()))
                            .toList(),
                    true);
            overdue.register(
                    registered.stream()
                            .map(key -> MultiGauge.Row.of(
                                    tags(key), this, gauges -> gauges.value(key).overdue()))
                            .toList(),
                    true);
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
