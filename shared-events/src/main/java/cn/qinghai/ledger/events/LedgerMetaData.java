package cn.qinghai.ledger.events;

/**
 * Keys of the metadata every command carries and every event inherits (through Axon's correlation
 * data providers): who entered the command, for which unit, in which role, why, and in which request.
 */
public final class LedgerMetaData {

    /** Login name of the authenticated user who entered the command. */
    public static final String ACTOR = "actor";
    /** Unit code the user acts for, absent for users bound to no unit. */
    public static final String ACTOR_UNIT = "actorUnit";
    /** Role of the user: OFFICE, UNIT, AUDITOR, VIEWER, ADMIN or SYSTEM. */
    public static final String ACTOR_ROLE = "actorRole";
    /** Optional free-text reason given with the request. */
    public static final String REASON = "reason";
    /** Id of the HTTP request (or other entry point) that produced the command. */
    public static final String REQUEST_ID = "requestId";
    /** Instant the command was accepted at the entry point, ISO-8601. */
    public static final String ISSUED_AT = "issuedAt";

    private LedgerMetaData() {}
}
