package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qinghai.ledger.events.RuleViolatedException;
import cn.qinghai.ledger.events.task.UrgeTaskCommand;
import cn.qinghai.ledger.platform.web.IdempotencyFilter;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An {@code Idempotency-Key} whose first request died with its process: the retry is not blocked for
 * ever, and the command runs exactly once. The dead requests are simulated by the records a killed
 * process leaves behind (the crash test kills a real one).
 */
@LedgerTest(properties = "ledger.idempotency.lease=PT30S")
class IdempotencyLeaseTest {

    static ConfigurableApplicationContext app;
    static LedgerApi api;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void start(StandaloneLedger ledger) {
        app = ledger.app();
        api = ledger.api();
        jdbc = ledger.bean(JdbcTemplate.class);
    }

    /** The record a process leaves when it dies after opening it and before its command commits. */
    static void leaveInProgress(String key, String body, Instant leaseUntil) {
        jdbc.update(
                "insert into idempotency_record (record_key, request_hash, status, attempt, lease_until, created_at)"
                        + " values (?, ?, 0, 'dead-attempt', ?, ?)",
                "office|" + key,
                IdempotencyFilter.requestHash("POST", "/api/tasks", null, body.getBytes(StandardCharsets.UTF_8)),
                Timestamp.from(leaseUntil),
                Timestamp.from(Instant.now()));
    }

    static long eventsOf(String aggregateId) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, aggregateId);
    }

    @Test
    void aRetryWaitsWhileTheLeaseRunsAndIsToldWhenToComeBack() {
        String body = TaskRequests.assignment("lease-live", "education");
        leaveInProgress("k-live", body, Instant.now().plusSeconds(20));
        var retry = api.send("office", "POST", "/api/tasks", body, "Idempotency-Key", "k-live");
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.headers().firstValue("Retry-After").map(Long::parseLong))
                .hasValueSatisfying(s -> assertThat(s).isBetween(1L, 21L));
        assertThat(eventsOf("lease-live")).isZero();
    }

    @Test
    void aRetryAfterTheLeaseRanOutRunsTheCommandOnceAndLaterRetriesReplayIt() {
        String body = TaskRequests.assignment("lease-dead", "education");
        leaveInProgress("k-dead", body, Instant.now().minusSeconds(1));
        var retry = api.send("office", "POST", "/api/tasks", body, "Idempotency-Key", "k-dead");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(eventsOf("lease-dead")).isEqualTo(1);
        var again = api.send("office", "POST", "/api/tasks", body, "Idempotency-Key", "k-dead");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.raw()).isEqualTo(retry.raw());
        assertThat(eventsOf("lease-dead")).isEqualTo(1);
    }

    @Test
    void aCommandThatCommittedBeforeItsAnswerWasRecordedIsNotRunAgain() {
        String body = TaskRequests.assignment("lease-committed", "education");
        var first = api.send("office", "POST", "/api/tasks", body, "Idempotency-Key", "k-committed");
        assertThat(first.status()).isEqualTo(201);
        // What the command's transaction leaves when the process dies before the answer is recorded.
        jdbc.update(
                "update idempotency_record set status = 1, location = null, lease_until = ?"
                        + " where record_key = 'office|k-committed'",
                Timestamp.from(Instant.now().minusSeconds(1)));
        var retry = api.send("office", "POST", "/api/tasks", body, "Idempotency-Key", "k-committed");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.body().get("id").asText()).isEqualTo("lease-committed");
        assertThat(eventsOf("lease-committed")).isEqualTo(1);
    }

    @Test
    void anAttemptWhoseLeaseWasTakenOverIsRolledBack() {
        var assigned = api.post("office", "/api/tasks", TaskRequests.assignment("lease-lost", "education"));
        assertThat(assigned.status()).isEqualTo(201);
        // The record now belongs to a retry; the slow first attempt's command must not commit.
        jdbc.update(
                "insert into idempotency_record (record_key, request_hash, status, attempt, lease_until, created_at)"
                        + " values ('office|k-lost', 'h', 0, 'the-retry', ?, ?)",
                Timestamp.from(Instant.now().plusSeconds(30)),
                Timestamp.from(Instant.now()));
        var urge = GenericCommandMessage.asCommandMessage(new UrgeTaskCommand("lease-lost", "一催", OffsetDateTime.now()))
                .andMetaData(Map.of("idempotencyRecord", "office|k-lost", "idempotencyAttempt", "the-slow-first"));
        long before = eventsOf("lease-lost");
        assertThatThrownBy(() -> app.getBean(CommandGateway.class).sendAndWait(urge))
                .isInstanceOf(RuleViolatedException.class)
                .hasMessageContaining("taken over");
        assertThat(eventsOf("lease-lost")).as("rolled back with its mark").isEqualTo(before);
    }
}
