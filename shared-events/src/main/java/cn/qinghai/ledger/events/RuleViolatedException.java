package cn.qinghai.ledger.events;

/**
 * Thrown by a command handler that refuses a command for a named reason. The command side turns it
 * into the details of Axon's {@code CommandExecutionException} so the refusal survives distribution.
 */
public class RuleViolatedException extends RuntimeException {

    private final RuleViolation violation;

    public RuleViolatedException(RuleViolation violation) {
        super(violation.rule() + ": " + violation.message());
        this.violation = violation;
    }

    /** A rule of the notice or the design is broken (HTTP 422). */
    public static RuleViolatedException rule(String rule, String message) {
        return new RuleViolatedException(new RuleViolation(rule, RuleViolation.Kind.RULE, message));
    }

    /** The command conflicts with the current state (HTTP 409). */
    public static RuleViolatedException conflict(String rule, String message) {
        return new RuleViolatedException(new RuleViolation(rule, RuleViolation.Kind.CONFLICT, message));
    }

    /** Something the command names does not exist (HTTP 404). */
    public static RuleViolatedException notFound(String rule, String message) {
        return new RuleViolatedException(new RuleViolation(rule, RuleViolation.Kind.NOT_FOUND, message));
    }

    public RuleViolation violation() {
        return violation;
    }
}
