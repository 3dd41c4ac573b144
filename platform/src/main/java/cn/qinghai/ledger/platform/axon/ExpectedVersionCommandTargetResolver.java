package cn.qinghai.ledger.platform.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds the target aggregate by the command's {@code @TargetAggregateIdentifier} and the version the
 * client expects from the command's metadata ({@value #EXPECTED_VERSION}, set from {@code If-Match}).
 * Axon then refuses the command when the aggregate has moved on, so concurrent writers never lose an
 * update silently. Commands keep their published shape: the version is not a field of theirs.
 */
public class ExpectedVersionCommandTargetResolver implements CommandTargetResolver {

    public static final String EXPECTED_VERSION = "expectedVersion";

    private final CommandTargetResolver identifiers =
            AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        String identifier = identifiers.resolveTarget(command).getIdentifier();
        Object expected = command.getMetaData().get(EXPECTED_VERSION);
        Long version = expected instanceof Number n ? n.longValue() : null;
        return new VersionedAggregateIdentifier(identifier, version);
    }
}
