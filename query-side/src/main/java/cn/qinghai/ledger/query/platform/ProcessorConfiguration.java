package cn.qinghai.ledger.query.platform;

import cn.qinghai.ledger.query.audit.AuditTrailProjection;
import cn.qinghai.ledger.query.circular.IssuedCircularProjection;
import cn.qinghai.ledger.query.meetings.MeetingProjection;
import cn.qinghai.ledger.query.reporting.ReportingRoundProjection;
import cn.qinghai.ledger.query.roster.RosterProjection;
import cn.qinghai.ledger.query.tasklist.TaskProjection;
import java.util.List;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Projections run in pooled streaming processors: they read the event store from the first event on
 * their own threads, claim segments through the token store (so several query-side instances can
 * share the work), and can be reset for a replay. Per-group tuning goes in
 * {@code axon.eventhandling.processors.<group>.*}.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorConfiguration {

    @Autowired
    void pooledStreamingByDefault(EventProcessingConfigurer configurer) {
        configurer.usingPooledStreamingEventProcessors();
    }

    /**
     * The projections write MongoDB (their tokens, dead letters and read models all live there), so
     * their batches run without a JPA transaction: a busy projection does not hold one of the database
     * connections that the event store, the deadline scheduler and the commands need. (Holding one per
     * work package exhausted the pool at a million events in the benchmark.)
     */
    @Autowired
    void projectionsWithoutJpaTransactions(EventProcessingConfigurer configurer) {
        for (String group : List.of(
                RosterProjection.GROUP,
                MeetingProjection.GROUP,
                TaskProjection.GROUP,
                AuditTrailProjection.GROUP,
                IssuedCircularProjection.GROUP,
                ReportingRoundProjection.GROUP)) {
            configurer.registerTransactionManager(group, config -> NoTransactionManager.INSTANCE);
        }
    }

    /** Every processor writes its projections' staged work after the last event of each batch. */
    @Autowired
    void projectionWriteBatching(EventProcessingConfigurer configurer) {
        configurer.registerDefaultHandlerInterceptor((config, processorName) -> new ProjectionBatch.Flush());
    }

    /** No live processor writes into a generation that an earlier version wrote: its rebuild does. */
    @Autowired
    void noWritesIntoOutdatedGenerations(
            EventProcessingConfigurer configurer, ObjectProvider<ReplayableProjection> projections) {
        configurer.registerDefaultHandlerInterceptor(
                (config, processorName) -> new OutdatedGenerationSkip(processorName, projections));
    }
}
