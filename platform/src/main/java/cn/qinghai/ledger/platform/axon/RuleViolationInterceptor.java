package cn.qinghai.ledger.platform.axon;

import cn.qinghai.ledger.events.RuleViolatedException;
import cn.qinghai.ledger.events.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Turns a refusal into a {@link CommandExecutionException} whose details are a {@link RuleViolation},
 * the form that also survives the trip back through Axon Server. Loading an unknown aggregate becomes
 * a NOT_FOUND violation the same way.
 */
public class RuleViolationInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (RuleViolatedException e) {
            throw new CommandExecutionException(e.getMessage(), e, e.violation());
        } catch (AggregateNotFoundException e) {
            RuleViolation violation = new RuleViolation(
                    "KnownAggregate",
                    RuleViolation.Kind.NOT_FOUND,
                    "no " + simpleName(unitOfWork.getMessage()) + " target with id " + e.getAggregateIdentifier());
            throw new CommandExecutionException(violation.message(), e, violation);
        }
    }

    private static String simpleName(CommandMessage<?> message) {
        String name = message.getCommandName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
