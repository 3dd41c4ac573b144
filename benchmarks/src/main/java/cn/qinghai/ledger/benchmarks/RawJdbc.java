package cn.qinghai.ledger.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The reference of the append rate: plain JDBC through the application's own connection pool into a
 * copy of Axon's event table (same column types, primary key, unique indexes, a sequence for the global
 * index), one event-sized row per transaction: insert, commit, next.
 */
final class RawJdbc {

    record Sample(byte[] payload, byte[] metaData, String payloadType, String aggregateType) {}

    private final DataSource dataSource;

    RawJdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A real progress report's serialized payload and metadata, so the rows are event-sized. */
    Sample sample() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select payload, meta_data, payload_type, type from domain_event_entry "
                        + "where payload_type like '%ProgressReportedEvent' order by global_index desc limit 1")) {
            if (!r.next()) {
                throw new IllegalStateException("no progress report stored yet");
            }
            return new Sample(r.getBytes(1), r.getBytes(2), r.getString(3), r.getString(4));
        }
    }

    /** Rows committed per second by {@code threads} threads, each with its own connection. */
    double rate(int threads, Duration duration, Sample sample) throws SQLException {
        boolean h2;
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            h2 = c.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
            s.execute("drop table if exists bench_raw_append");
            s.execute("drop sequence if exists bench_raw_seq");
            s.execute("create table bench_raw_append as select * from domain_event_entry where 1 = 0");
            s.execute("alter table bench_raw_append alter column global_index set not null");
            s.execute("alter table bench_raw_append add primary key (global_index)");
            s.execute(
                    "create unique index bench_raw_aggregate_seq on bench_raw_append (aggregate_identifier, sequence_number)");
            s.execute("create unique index bench_raw_event_id on bench_raw_append (event_identifier)");
            s.execute("create sequence bench_raw_seq");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        String next = h2 ? "next value for bench_raw_seq" : "nextval('bench_raw_seq')";
        String insert = "insert into bench_raw_append (global_index, event_identifier, meta_data, payload, "
                + "payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type) "
                + "values (" + next + ", ?, ?, ?, null, ?, ?, ?, ?, ?)";
        AtomicLong rows = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Workload.parallel(threads, i -> {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement p = c.prepareStatement(insert)) {
                    String aggregate = "raw-" + i + "-" + UUID.randomUUID();
                    long seq = 0;
                    while (System.nanoTime() < end) {
                        p.setString(1, UUID.randomUUID().toString());
                        p.setBytes(2, sample.metaData());
                        p.setBytes(3, sample.payload());
                        p.setString(4, sample.payloadType());
                        p.setString(5, Instant.now().toString());
                        p.setString(6, aggregate);
                        p.setLong(7, seq++);
                        p.setString(8, sample.aggregateType());
                        p.executeUpdate();
                        c.commit();
                        rows.incrementAndGet();
                    }
                }
                c.setAutoCommit(true);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        double perSecond = rows.get() / ((System.nanoTime() - start) / 1e9);
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_raw_append");
            s.execute("drop sequence if exists bench_raw_seq");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        return perSecond;
    }
}
