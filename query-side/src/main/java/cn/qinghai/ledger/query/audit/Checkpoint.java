package cn.qinghai.ledger.query.audit;

import java.time.OffsetDateTime;

/**
 * A point of the hash chain to keep outside the ledger (printed, signed, mailed to the auditors):
 * the link of the event at {@code position} fixes every event up to it. {@code at} is that event's
 * time; {@code eventId} names it.
 */
public record Checkpoint(long position, String hash, String eventId, OffsetDateTime at) {}
