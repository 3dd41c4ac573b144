package cn.qinghai.ledger.platform.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The relational store (the JPA event store on the embedded default and postgres, and the command
 * side's lookups, deadlines and idempotency records on every profile): one row of
 * {@code storage_probe} is written and committed. When the database was closed under the pool (H2 closes
 * itself after a write fails, e.g. on a full disk), the pool's connections are dead for good: they are
 * evicted, so the next connection opens the database again once it can write.
 */
@Component
public class DatabaseStorageProbe implements StorageProbe {

    private static final Logger log = LoggerFactory.getLogger(DatabaseStorageProbe.class);
    /** H2: the database is closed, or closing. */
    private static final int H2_CLOSED = 90098;

    private static final int H2_AT_SHUTDOWN = 90121;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Clock clock;

    public DatabaseStorageProbe(JdbcTemplate jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public void probe() {
        try {
            write();
        } catch (RuntimeException e) {
            if (!evictIfClosed(e)) {
                throw e;
            }
            write();
        }
    }

    private void write() {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("update storage_probe set probed_at = ? where id = 1", now) == 0) {
            jdbc.update("insert into storage_probe (id, probed_at) values (1, ?)", now);
        }
    }

    /** Evicts the pool's connections when {@code failure} says the database was closed under them. */
    public boolean evictIfClosed(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && (sql.getErrorCode() == H2_CLOSED || sql.getErrorCode() == H2_AT_SHUTDOWN)) {
                try {
                    if (!dataSource.isWrapperFor(HikariDataSource.class)) {
                        return false;
                    }
                    HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
                    if (pool.getHikariPoolMXBean() != null) {
                        pool.getHikariPoolMXBean().softEvictConnections();
                        log.warn("the database was closed under the connection pool; evicted its connections");
                        return true;
                    }
                } catch (SQLException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
