package cn.qinghai.ledger.query.audit;

import java.util.OptionalLong;

/**
 * The global position of a stored event, by its identifier, straight from the event store. Needed
 * only when a tracking token cannot tell it: with the JPA store a transaction that commits late fills
 * a gap below events already delivered, and its message carries the token of the highest position
 * seen, not its own. Axon Server's tokens always carry the event's own position.
 */
@FunctionalInterface
public interface GlobalIndexLookup {

    OptionalLong globalIndexOf(String eventIdentifier);

    GlobalIndexLookup NONE = eventIdentifier -> OptionalLong.empty();
}
