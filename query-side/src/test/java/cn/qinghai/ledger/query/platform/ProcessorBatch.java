package cn.qinghai.ledger.query.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

/** Runs steps as one batch of a streaming processor: a batching unit of work with the flush interceptor. */
public final class ProcessorBatch {

    private ProcessorBatch() {}

    public static void run(List<Runnable> steps) throws Exception {
        run(steps, k -> {});
    }

    /** {@code afterStep} is told the index of each step once it has run (still inside the batch). */
    public static void run(List<Runnable> steps, IntConsumer afterStep) throws Exception {
        List<EventMessage<?>> messages = new ArrayList<>();
        steps.forEach(step -> messages.add(GenericEventMessage.asEventMessage("event " + messages.size())));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        ProjectionBatch.Flush flush = new ProjectionBatch.Flush();
        AtomicInteger next = new AtomicInteger();
        ResultMessage<?> result = batch.executeWithResult(() -> flush.handle(batch, () -> {
            int k = next.getAndIncrement();
            steps.get(k).run();
            afterStep.accept(k);
            return null;
        }));
        if (result.isExceptional()) {
            throw new Exception(result.exceptionResult());
        }
    }
}
