package cn.qinghai.ledger.query.feed;

import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The barrier on PostgreSQL, where other processes append too: the transactions running now are those
 * of the database's current snapshot; the barrier waits until none of them is still in progress. Every
 * appending transaction holds a transaction id before it takes a position (the platform's
 * {@code AppendingTransactions} asks for one at its first event), so none can hide from the snapshot.
 */
final class PostgresAppendBarrier implements AppendBarrier {

    private final JdbcTemplate jdbc;

    PostgresAppendBarrier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean awaitInFlightAppends(Duration timeout) throws InterruptedException {
        String snapshot = jdbc.queryForObject("select pg_current_snapshot()::text", String.class);
        String[] parts = snapshot == null ? new String[0] : snapshot.split(":", 3);
        if (parts.length < 3 || parts[2].isBlank()) {
            return true;
        }
        String running = "{" + parts[2] + "}";
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Integer inProgress = jdbc.queryForObject(
                    "select count(*) from unnest(?::xid8[]) x" + " where pg_xact_status(x) = 'in progress'",
                    Integer.class,
                    running);
            if (inProgress == null || inProgress == 0) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(2);
        }
    }
}
