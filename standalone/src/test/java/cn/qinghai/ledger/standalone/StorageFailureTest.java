package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database that cannot write (a full disk, injected at the JDBC boundary: every write and commit
 * fails with SQL state 53100, reads still work, as on a real full disk). Commands are refused with
 * {@code 503}, a problem detail and {@code Retry-After}, never a bare 500 and never a 2xx; health and
 * readiness are {@code DOWN} naming the store; reads are still served; once writes go through again the
 * service is healthy and takes commands without a restart.
 */
@LedgerTest(
        sources = StorageFailureTest.FullDiskAtTheJdbcBoundary.class,
        properties = "ledger.storage.probe-interval=PT0S")
class StorageFailureTest {

    static final AtomicBoolean diskFull = new AtomicBoolean();
    static final Set<String> WRITES =
            Set.of("executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch", "commit");

    static ConfigurableApplicationContext app;
    static LedgerApi api;

    /** Wraps the application's DataSource so that writes fail while {@link #diskFull} is set. */
    @Configuration(proxyBeanMethods = false)
    static class FullDiskAtTheJdbcBoundary {

        @Bean
        static BeanPostProcessor fullDiskDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())
                            ? proxy(DataSource.class, dataSource, null)
                            : bean;
                }
            };
        }
    }

    static SQLException noSpace() {
        return new SQLException("No space left on device", "53100");
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, T target, String sql) {
        InvocationHandler handler = (self, method, args) -> {
            String name = method.getName();
            boolean readOnlySql =
                    sql != null && sql.trim().toLowerCase(Locale.ROOT).startsWith("select");
            if (diskFull.get()
                    && (WRITES.contains(name)
                            || (name.equals("execute")
                                    && !readOnlySql
                                    && !(args != null
                                            && args.length > 0
                                            && args[0] instanceof String s
                                            && s.trim().toLowerCase(Locale.ROOT).startsWith("select"))))) {
                throw noSpace();
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection c && method.getReturnType() == Connection.class) {
                return proxy(Connection.class, c, null);
            }
            if (result instanceof Statement s && Statement.class.isAssignableFrom(method.getReturnType())) {
                String statementSql = args != null && args.length > 0 && args[0] instanceof String q ? q : null;
                return proxy((Class<Statement>) method.getReturnType(), s, statementSql);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(StorageFailureTest.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    @BeforeAll
    static void start(StandaloneLedger ledger) {
        app = ledger.app();
        api = ledger.api();
    }

    @AfterAll
    static void stop() {
        diskFull.set(false);
    }

    static long eventsOf(String aggregateId) {
        return app.getBean(JdbcTemplate.class)
                .queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?",
                        Long.class,
                        aggregateId);
    }

    @Test
    void aDatabaseThatCannotWriteIsA503AndDownUntilItCanAgain() {
        assertThat(api.post("office", "/api/tasks", TaskRequests.assignment("sf-before", "education"))
                        .status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("viewer", "/api/tasks/sf-before").status() == 200);
        assertThat(api.get("admin", "/actuator/health").body().path("status").asText())
                .isEqualTo("UP");

        diskFull.set(true);
        try {
            for (String key : new String[] {null, "k-full-1"}) {
                var refused = key == null
                        ? api.post("office", "/api/tasks", TaskRequests.assignment("sf-during", "education"))
                        : api.send(
                                "office",
                                "POST",
                                "/api/tasks",
                                TaskRequests.assignment("sf-during", "education"),
                                "Idempotency-Key",
                                key);
                assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.body().path("type").asText()).isEqualTo("urn:ledger:problem:storage-unavailable");
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            }
            var urged = api.post("office", "/api/tasks/sf-before/urgings", "{\"note\":\"催\"}");
            assertThat(urged.status()).isEqualTo(503);

            JsonNode health = api.get("admin", "/actuator/health").body();
            assertThat(health.path("status").asText()).isEqualTo("DOWN");
            assertThat(health.path("components")
                            .path("storage")
                            .path("details")
                            .path("database")
                            .asText())
                    .contains("cannot write")
                    .contains("No space left on device");
            assertThat(api.get(null, "/actuator/health/readiness").status()).isEqualTo(503);

            assertThat(api.get("viewer", "/api/tasks/sf-before").status())
                    .as("reads are still served")
                    .isEqualTo(200);
            assertThat(api.get("viewer", "/api/tasks").status()).isEqualTo(200);
        } finally {
            diskFull.set(false);
        }

        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("admin", "/actuator/health")
                        .body()
                        .path("status")
                        .asText()
                        .equals("UP"));
        assertThat(api.get(null, "/actuator/health/readiness").status()).isEqualTo(200);
        var retried = api.send(
                "office",
                "POST",
                "/api/tasks",
                TaskRequests.assignment("sf-during", "education"),
                "Idempotency-Key",
                "k-full-1");
        assertThat(retried.status()).isEqualTo(201);
        assertThat(eventsOf("sf-during"))
                .as("stored once, after the disk had room again")
                .isEqualTo(1);
        assertThat(eventsOf("sf-before")).as("the refused urging left nothing").isEqualTo(1);
    }
}
