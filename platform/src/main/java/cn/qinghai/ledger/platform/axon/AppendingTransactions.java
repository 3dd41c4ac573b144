package cn.qinghai.ledger.platform.axon;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The transactions of this JVM that are appending events, known from the moment their first event is
 * published, which is before the event store hands them a global position. A reader of the store that
 * sees a gap in the positions (a number taken by a transaction that has not committed, or that rolled
 * back) can wait for the transactions in flight to end and then know the gap for what it is: filled, or
 * empty for ever ({@link #awaitAllInFlightNow}).
 *
 * <p>On PostgreSQL, where other processes may append too, the reader asks the database instead (its
 * snapshot's running transactions). For that to be exact, an appending transaction must hold a
 * transaction id before it takes a position; PostgreSQL assigns one at the first write only, so the
 * first event published in a unit of work asks for it ({@code pg_current_xact_id()}).
 */
@Component
public class AppendingTransactions {

    private final Set<Object> inFlight = ConcurrentHashMap.newKeySet();
    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public AppendingTransactions(ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<DataSource> dataSource) {
        this.jdbc = jdbc.getIfAvailable();
        this.postgres = isPostgres(dataSource.getIfAvailable());
    }

    @Autowired
    void watch(EventBus eventBus) {
        eventBus.registerDispatchInterceptor(new Watch());
    }

    /** Waits until every transaction appending events at the time of the call has ended; false on timeout. */
    public boolean awaitAllInFlightNow(Duration timeout) throws InterruptedException {
        List<Object> now = List.copyOf(inFlight);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Object transaction : now) {
            while (inFlight.contains(transaction)) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(1);
            }
        }
        return true;
    }

    /** How many transactions are appending events now (for tests and metrics). */
    public int inFlight() {
        return inFlight.size();
    }

    private final class Watch implements MessageDispatchInterceptor<EventMessage<?>> {

        @Override
        public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
            if (CurrentUnitOfWork.isStarted()) {
                UnitOfWork<?> root = CurrentUnitOfWork.get().root();
                if (inFlight.add(root)) {
                    root.onCleanup(u -> inFlight.remove(root));
                    if (postgres && jdbc != null) {
                        jdbc.queryForObject("select pg_current_xact_id()::text", String.class);
                    }
                }
            }
            return (index, message) -> message;
        }
    }

    private static boolean isPostgres(DataSource dataSource) {
        if (dataSource == null) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase()
                    .contains("postgres");
        } catch (Exception e) {
            return false;
        }
    }
}
