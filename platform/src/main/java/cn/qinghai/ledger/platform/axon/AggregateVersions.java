package cn.qinghai.ledger.platform.axon;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;

/**
 * The version a command wrote, taken from its own unit of work. While an aggregate handles a command,
 * {@link #enhancer()} reads the aggregate's version right after the handler returns (the sequence
 * number of the last event it applied, or the version it was loaded at) and keeps it in the unit of
 * work. The command's result message then carries it in its metadata ({@value #METADATA_KEY};
 * {@link #resultInterceptor()}, on the command bus), which travels back to the sender, across Axon
 * Server too. Nothing is read afterwards, so two concurrent commands on one aggregate never answer
 * with the same version.
 */
public final class AggregateVersions {

    public static final String METADATA_KEY = "aggregateVersion";
    private static final String RESOURCE = AggregateVersions.class.getName();
    private static final CommandTargetResolver TARGETS =
            AnnotationCommandTargetResolver.builder().build();

    private AggregateVersions() {}

    /** The version the aggregate that handled this unit of work's command was left at, if one did. */
    public static OptionalLong written(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getResource(RESOURCE) instanceof Long version
                ? OptionalLong.of(version)
                : OptionalLong.empty();
    }

    /** The id of a command's target aggregate; null for a command that names none. */
    public static String targetOf(CommandMessage<?> command) {
        try {
            return TARGETS.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return null;
        }
    }

    /** Wraps aggregate command handlers so that the aggregate's version is kept after each one. */
    public static HandlerEnhancerDefinition enhancer() {
        return new HandlerEnhancerDefinition() {
            @Override
            public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
                if (!original.canHandleMessageType(CommandMessage.class)) {
                    return original;
                }
                return new WrappedMessageHandlingMember<>(original) {
                    @Override
                    public Object handle(Message<?> message, T target) throws Exception {
                        Object result = super.handle(message, target);
                        if (CurrentUnitOfWork.isStarted()) {
                            try {
                                Long version = AggregateLifecycle.getVersion();
                                if (version != null) {
                                    CurrentUnitOfWork.get().resources().put(RESOURCE, version);
                                }
                            } catch (IllegalStateException notAnAggregate) {
                                // a command handler outside an aggregate: no version to tell
                            }
                        }
                        return result;
                    }
                };
            }
        };
    }

    /**
     * The version of an aggregate a command created: inside its constructor the aggregate has no
     * version yet, so it is read from the aggregate as the repository holds it in the unit of work.
     */
    private static OptionalLong created(UnitOfWork<?> unitOfWork, String aggregateId) {
        for (Object resource : unitOfWork.resources().values()) {
            if (resource instanceof Map<?, ?> managed) {
                for (Object held : managed.values()) {
                    Object aggregate =
                            held instanceof CompletableFuture<?> future && future.isDone() ? future.getNow(null) : held;
                    if (aggregate instanceof Aggregate<?> a
                            && aggregateId.equals(a.identifierAsString())
                            && a.version() != null) {
                        return OptionalLong.of(a.version());
                    }
                }
            }
        }
        return OptionalLong.empty();
    }

    /** Puts the version the command left its aggregate at into the command's result metadata. */
    public static MessageHandlerInterceptor<CommandMessage<?>> resultInterceptor() {
        return (UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) -> {
            Object result = chain.proceed();
            OptionalLong version = written(unitOfWork);
            if (version.isEmpty() && result instanceof String createdId) {
                version = created(unitOfWork, createdId);
            }
            if (version.isEmpty()) {
                return result;
            }
            return new GenericCommandResultMessage<>(result, MetaData.with(METADATA_KEY, version.getAsLong()));
        };
    }
}
