package cn.qinghai.ledger.query.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Projection write batching: the work a projection stages while a streaming processor hands it one
 * batch of events (up to {@code batch-size}), written when the batch's last event has been handled.
 * Each projection keeps its own part ({@link #part}): what it has staged, and what it has read or
 * written in this batch, so a later event of the same batch reads its own earlier writes.
 *
 * <p>The writes are made by {@link Flush}, a handler interceptor of every processor, right after the
 * last event of the batch, in the handling phase: before the processor stores its token (which it
 * does when the unit of work prepares to commit). If they fail, the batch fails and is handed again,
 * and the projections' idempotent writes make the second attempt safe. Without a batch (a projection
 * fed directly, a rebuild, a test) there is no current batch and projections write at once.
 */
public final class ProjectionBatch {

    private static final String RESOURCE = ProjectionBatch.class.getName();

    /** A projection's staged work: written by {@link #flush()}. */
    public interface Part {
        void flush();
    }

    private final Map<Object, Part> parts = new LinkedHashMap<>();

    /** The batch being handled on this thread, or null when events are not handled in a flushed batch. */
    public static ProjectionBatch current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return CurrentUnitOfWork.get().root().getResource(RESOURCE);
    }

    /** This batch's part of {@code owner}, created on first use. */
    @SuppressWarnings("unchecked")
    public <P extends Part> P part(Object owner, Supplier<P> create) {
        return (P) parts.computeIfAbsent(owner, k -> create.get());
    }

    /** Writes every part, in the order the parts were first used, then forgets them. */
    void flush() {
        List<Part> toFlush = new ArrayList<>(parts.values());
        parts.clear();
        for (Part part : toFlush) {
            part.flush();
        }
    }

    /**
     * Opens a batch when a processor starts a unit of work and writes it after its last event. Registered
     * for every event processor ({@link ProcessorConfiguration}).
     */
    public static final class Flush implements MessageHandlerInterceptor<EventMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            UnitOfWork<?> root = unitOfWork.root();
            ProjectionBatch batch = root.getOrComputeResource(RESOURCE, k -> new ProjectionBatch());
            Object result = chain.proceed();
            if (!(root instanceof BatchingUnitOfWork<?> b) || b.isLastMessage()) {
                batch.flush();
            }
            return result;
        }
    }
}
