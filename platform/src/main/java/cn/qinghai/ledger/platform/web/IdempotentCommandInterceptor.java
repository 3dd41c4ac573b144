package cn.qinghai.ledger.platform.web;

import cn.qinghai.ledger.events.RuleViolatedException;
import cn.qinghai.ledger.platform.axon.AggregateVersions;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Ties a command to the {@code Idempotency-Key} record of the request that sent it, so that the
 * command runs at most once however often the request is retried. At dispatch, the request's attempt
 * goes into the command's metadata (it is not copied onto events); in the handler's unit of work, the
 * record is marked committed in the command's own transaction, just before it commits. If the attempt
 * no longer owns the record (its lease ran out and a retry took it over), the command is refused and
 * rolled back: the retry runs it instead.
 *
 * <p>With the JPA event store (embedded default, postgres) the mark and the events commit together. With
 * Axon Server the events are not in that transaction: the mark commits with the command's other local
 * writes, and a process that dies between the two can leave a committed command with an unmarked record.
 */
@Component
public class IdempotentCommandInterceptor
        implements MessageDispatchInterceptor<CommandMessage<?>>, MessageHandlerInterceptor<CommandMessage<?>> {

    static final String RECORD = "idempotencyRecord";
    static final String ATTEMPT = "idempotencyAttempt";

    private final IdempotencyRecords records;

    public IdempotentCommandInterceptor(IdempotencyRecords records) {
        this.records = records;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.getMetaData().containsKey(RECORD)
                ? command
                : IdempotencyAttempt.current()
                        .<CommandMessage<?>>map(
                                a -> command.andMetaData(Map.of(RECORD, a.recordKey(), ATTEMPT, a.attempt())))
                        .orElse(command);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        if (!(command.getMetaData().get(RECORD) instanceof String record)
                || !(command.getMetaData().get(ATTEMPT) instanceof String attempt)) {
            return chain.proceed();
        }
        Object result = chain.proceed();
        String target = AggregateVersions.targetOf(command);
        String changed = target == null && result instanceof String id ? id : target;
        unitOfWork.onPrepareCommit(u -> {
            OptionalLong version = AggregateVersions.written(u);
            String etag = version.isPresent() ? "\"" + version.getAsLong() + "\"" : null;
            if (!records.markCommitted(record, attempt, changed, etag)) {
                throw RuleViolatedException.conflict(
                        "OneAttemptPerIdempotencyKey",
                        "this request's "
                                + IdempotencyFilter.HEADER
                                + " was taken over by a retry after its lease ran out; nothing was"
                                + " changed by this attempt");
            }
        });
        return result;
    }
}
