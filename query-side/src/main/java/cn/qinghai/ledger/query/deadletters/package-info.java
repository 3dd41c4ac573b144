/**
 * Dead letters of the projections: events a handler failed on, parked per processing group (with the
 * later events of the same aggregate) so that the projection goes on with everything else. Admins
 * list them, retry them after a fix, or evict them.
 */
package cn.qinghai.ledger.query.deadletters;
