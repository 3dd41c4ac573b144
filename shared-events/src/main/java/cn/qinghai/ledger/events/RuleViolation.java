package cn.qinghai.ledger.events;

/**
 * A refusal the business cares about, as it travels back to whoever sent the command (also across
 * Axon Server, as the details of a {@code CommandExecutionException}).
 *
 * @param rule     the rule's stable name, e.g. {@code AtMostOneConvener}
 * @param kind     what sort of refusal it is, which decides the HTTP status
 * @param message  a human explanation naming what was refused
 */
public record RuleViolation(String rule, Kind kind, String message) {

    public enum Kind {
        /** The thing the command refers to does not exist (404). */
        NOT_FOUND,
        /** The command conflicts with the current state or a concurrent change (409). */
        CONFLICT,
        /** A rule of the notice or of the design is violated (422). */
        RULE
    }
}
