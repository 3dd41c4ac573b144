package cn.qinghai.ledger.query.platform;

import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Passes over the events of a live processor while the generation its projection serves is not
 * {@link ReplayableProjection#upToDate up to date}: an earlier version wrote it, this version can neither
 * read nor extend it, and its rebuild from the event store, which replaces it, gets every event. The
 * processor's token still moves, so after the switch it goes on from there into the new generation,
 * whose copy reached at least as far.
 */
final class OutdatedGenerationSkip implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(OutdatedGenerationSkip.class);

    private final String processingGroup;
    private final ObjectProvider<ReplayableProjection> projections;
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile ReplayableProjection projection;
    private volatile boolean looked;

    OutdatedGenerationSkip(String processingGroup, ObjectProvider<ReplayableProjection> projections) {
        this.processingGroup = processingGroup;
        this.projections = projections;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        ReplayableProjection p = projection();
        if (p != null && !p.upToDate()) {
            if (warned.compareAndSet(false, true)) {
                log.warn(
                        "{}: the generation it serves was written by an earlier version; its events go to its"
                                + " rebuild, not to it",
                        processingGroup);
            }
            return null;
        }
        warned.set(false);
        return chain.proceed();
    }

    private ReplayableProjection projection() {
        if (!looked) {
            projection = projections
                    .orderedStream()
                    .filter(p -> p.processingGroup().equals(processingGroup))
                    .findFirst()
                    .orElse(null);
            looked = true;
        }
        return projection;
    }
}
