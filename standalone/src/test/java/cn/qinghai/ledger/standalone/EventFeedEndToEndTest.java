package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The event feed against the running application with the seed conference: CloudEvents read from the
 * first position, pages that resume exactly, and server-sent events that resume from
 * {@code Last-Event-ID} without a gap or a repeat while new events are appended, within bounds.
 */
@LedgerTest(
        properties = {
            "ledger.feed.heartbeat=PT0.5S",
            "ledger.feed.max-streams=3",
            "ledger.feed.max-streams-per-user=2",
            "ledger.feed.max-share-per-role=67"
        })
class EventFeedEndToEndTest {

    static final String CID = "qh-infant-care";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(20);

    static ConfigurableApplicationContext app;
    static LedgerApi api;
    static int port;

    @BeforeAll
    static void start(StandaloneLedger ledger) {
        app = ledger.app();
        api = ledger.api();
        port = ledger.port();
    }

    static List<JsonNode> page(long after, int limit) {
        var response = api.get("auditor", "/api/events?after=" + after + "&limit=" + limit);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        response.body().forEach(events::add);
        return events;
    }

    static List<Long> positions(List<JsonNode> events) {
        return events.stream().map(e -> e.get("position").asLong()).toList();
    }

    static long positionOf(SseClient.Event event) {
        return Long.parseLong(event.id());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }

    void urge(String taskId, String note) {
        assertThat(api.post("office", "/api/tasks/" + taskId + "/urgings", "{\"note\":\"" + note + "\"}")
                        .status())
                .isEqualTo(200);
    }

    void assign(String taskId) {
        var assigned = api.post("office", "/api/tasks", """
                {"taskId":"%s","conferenceId":"qh-infant-care","title":"报送托位数统计","leadUnitCode":"education",
                 "dueInWorkingDays":10,"source":"办公室通知","reason":"月度通报"}""".formatted(taskId));
        assertThat(assigned.status()).as(assigned.raw()).isEqualTo(201);
    }

    @Test
    void theFeedStartsAtTheFirstEventAsCloudEventsWithPositionAndActor() {
        var response = api.get("auditor", "/api/events");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/cloudevents-batch+json");
        JsonNode first = response.body().get(0);
        assertThat(first.get("specversion").asText()).isEqualTo("1.0");
        assertThat(first.get("type").asText()).isEqualTo("cn.qinghai.ledger.conference.ConferenceEstablished.v1");
        assertThat(first.get("source").asText()).isEqualTo("urn:ledger:conference");
        assertThat(first.get("subject").asText()).isEqualTo(CID);
        assertThat(first.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(first.get("id").asText()).isNotBlank();
        assertThat(OffsetDateTime.parse(first.get("time").asText())).isNotNull();
        assertThat(first.get("data").get("documentNo").asText()).isEqualTo("青政办函〔2021〕138号");
        assertThat(first.get("data").get("establishedOn").asText()).isEqualTo("2021-08-12");
        assertThat(first.get("actor").asText()).isEqualTo("system");
        assertThat(first.get("actorrole").asText()).isEqualTo("SYSTEM");
        long p0 = first.get("position").asLong();

        // the first position read explicitly (after = p0 - 1: position 0 of the JPA store is never used) ...
        assertThat(page(p0 - 1, 1).get(0).get("id")).isEqualTo(first.get("id"));
        assertThat(page(-1, 1).get(0).get("id")).isEqualTo(first.get("id"));
        // ... and the seed's positions are dense: 1 + 2 * (16 + 18 + 1) events in order (each change cites the notice)
        List<Long> seed = positions(page(-1, 71));
        assertThat(seed).hasSize(71).first().isEqualTo(p0);
        for (int i = 1; i < seed.size(); i++) {
            assertThat(seed.get(i)).isEqualTo(seed.get(i - 1) + 1);
        }
        var asJson = api.send("auditor", "GET", "/api/events?limit=1", null, "Accept", "application/json");
        assertThat(asJson.contentType()).startsWith("application/json");
        assertThat(asJson.body().get(0).get("id")).isEqualTo(first.get("id"));
    }

    @Test
    void pagesResumeExactlyFromTheLastPositionAClientSaw() {
        assign("feed-page-1");
        urge("feed-page-1", "一催");
        List<JsonNode> all = page(-1, 1000);
        List<JsonNode> paged = new ArrayList<>();
        long after = -1;
        while (true) {
            var response = api.get("auditor", "/api/events?after=" + after + "&limit=7");
            List<JsonNode> events = new ArrayList<>();
            response.body().forEach(events::add);
            long next = events.isEmpty()
                    ? after
                    : events.get(events.size() - 1).get("position").asLong();
            assertThat(response.headers().firstValue("Link"))
                    .contains("</api/events?after=" + next + "&limit=7>; rel=\"next\"");
            if (events.isEmpty()) {
                break;
            }
            assertThat(events.size()).isLessThanOrEqualTo(7);
            paged.addAll(events);
            after = next;
        }
        assertThat(paged.stream().map(e -> e.get("id").asText()).toList())
                .containsExactlyElementsOf(
                        all.stream().map(e -> e.get("id").asText()).toList())
                .doesNotHaveDuplicates();
        JsonNode urged = all.get(all.size() - 1);
        assertThat(urged.get("type").asText()).isEqualTo("cn.qinghai.ledger.task.TaskUrged.v1");
        assertThat(urged.get("subject").asText()).isEqualTo("feed-page-1");
        assertThat(urged.get("actor").asText()).isEqualTo("office");
        assertThat(urged.get("actorrole").asText()).isEqualTo("OFFICE");
        assertThat(urged.get("requestid").asText()).isNotBlank();
        assertThat(all.get(all.size() - 2).get("reason").asText()).isEqualTo("月度通报");
    }

    @Test
    void theStreamResumesFromLastEventIdWithoutGapsOrRepeatsWhileEventsAreAppended() throws Exception {
        assign("feed-stream-1");
        List<Long> before = positions(page(-1, 1000));
        long resumeAt = before.get(9);
        List<SseClient.Event> received = new ArrayList<>();

        try (SseClient first = SseClient.open(port, "auditor", "/api/events/stream", Long.toString(resumeAt))) {
            assertThat(first.status).isEqualTo(200);
            assertThat(first.contentType).startsWith("text/event-stream");
            received.addAll(first.take(before.size() - 10, WAIT));
            assertThat(positionOf(received.get(0))).isEqualTo(before.get(10));
            urge("feed-stream-1", "一催");
            urge("feed-stream-1", "二催");
            received.addAll(first.take(2, WAIT));
            await().atMost(WAIT).until(() -> first.comments.get() >= 2); // heartbeats while idle
        }
        // appended while no client is connected
        urge("feed-stream-1", "三催");
        urge("feed-stream-1", "四催");
        String lastSeen = received.get(received.size() - 1).id();
        try (SseClient second = SseClient.open(port, "auditor", "/api/events/stream?after=0", lastSeen)) {
            received.addAll(second.take(2, WAIT));
            urge("feed-stream-1", "五催");
            received.addAll(second.take(1, WAIT));
            assertThat(second.events.poll(1, java.util.concurrent.TimeUnit.SECONDS))
                    .as("nothing more")
                    .isNull();
        }

        List<JsonNode> expected = page(resumeAt, 1000);
        assertThat(received.stream().map(EventFeedEndToEndTest::positionOf).toList())
                .as("every position after the resume point, once, in order")
                .containsExactlyElementsOf(positions(expected))
                .doesNotHaveDuplicates();
        for (int i = 0; i < received.size(); i++) {
            JsonNode event = json(received.get(i).data());
            assertThat(event).isEqualTo(expected.get(i));
            assertThat(received.get(i).name())
                    .as("no event: name, so EventSource.onmessage receives it")
                    .isNull();
        }
        assertThat(json(received.get(received.size() - 1).data())
                        .get("data")
                        .get("note")
                        .asText())
                .isEqualTo("五催");
    }

    @Test
    void withoutLastEventIdTheStreamStartsAfterTheGivenPosition() throws Exception {
        assign("feed-after-1");
        List<Long> all = positions(page(-1, 1000));
        long last = all.get(all.size() - 1);
        try (SseClient client = SseClient.open(port, "admin", "/api/events/stream?after=" + (last - 1), null)) {
            SseClient.Event event = client.take(1, WAIT).get(0);
            assertThat(positionOf(event)).isEqualTo(last);
            assertThat(event.name()).isNull();
        }
        // Asked for, each frame is named by its CloudEvent type, for clients that listen to chosen types.
        try (SseClient client =
                SseClient.open(port, "admin", "/api/events/stream?named=true&after=" + (last - 1), null)) {
            assertThat(client.take(1, WAIT).get(0).name()).isEqualTo("cn.qinghai.ledger.task.TaskAssigned.v1");
        }
    }

    /** Open feed streams as the gauge counts them (closed connections are noticed at the next heartbeat). */
    static double openStreams() {
        return api.get("admin", "/actuator/metrics/ledger.feed.streams")
                .body()
                .get("measurements")
                .get(0)
                .get("value")
                .asDouble();
    }

    @Test
    void streamsAreBoundedPerUserPerRoleAndInTotalAndAReconnectTakesTheOldestSlot() throws Exception {
        await().atMost(WAIT).until(() -> openStreams() == 0);
        SseClient a = SseClient.open(port, "auditor", "/api/events/stream?after=1000000", null);
        SseClient b = SseClient.open(port, "auditor", "/api/events/stream?after=1000000", null);
        SseClient third = null;
        SseClient c = null;
        try {
            assertThat(List.of(a.status, b.status)).containsOnly(200);
            // The auditor holds their share (2): a reconnect is admitted and ends their oldest stream, not 429.
            third = SseClient.open(port, "auditor", "/api/events/stream?after=1000000", null);
            assertThat(third.status).isEqualTo(200);
            assertThat(a.ended.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("the oldest stream is ended")
                    .isTrue();
            assertThat(b.ended.getCount()).isEqualTo(1);
            assertThat(openStreams()).isEqualTo(2);

            c = SseClient.open(port, "admin", "/api/events/stream?after=1000000", null);
            assertThat(c.status).isEqualTo(200);
            var full = api.get("office", "/api/events/stream");
            assertThat(full.status()).isEqualTo(503);
            assertThat(full.contentType()).startsWith("application/problem+json");
            assertThat(full.headers().firstValue("Retry-After")).isPresent();
            assertThat(full.body().get("type").asText()).isEqualTo("urn:ledger:problem:too-many-streams");
            assertThat(openStreams()).isEqualTo(3);
            b.close();
            // the server notices the closed connection at its next heartbeat and frees the slot
            await().atMost(WAIT).until(() -> openStreams() == 2);
            try (SseClient again = SseClient.open(port, "office", "/api/events/stream?after=1000000", null)) {
                assertThat(again.status).isEqualTo(200);
            }
        } finally {
            a.close();
            b.close();
            if (third != null) {
                third.close();
            }
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void badParametersAndReadersWithoutTheRightAreRefusedWithProblemDetails() {
        for (String query :
                List.of("limit=0", "limit=1001", "after=-2", "after=x", "limit=1e3", "after=99999999999999999999")) {
            var response = api.get("auditor", "/api/events?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
        }
        var badId = api.send(
                "auditor", "GET", "/api/events/stream", null, "Last-Event-ID", "abc", "Accept", "text/event-stream");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.contentType()).startsWith("application/problem+json");
        assertThat(api.get("auditor", "/api/events/stream?after=-7").status()).isEqualTo(400);
        assertThat(api.get("viewer", "/api/events").status()).isEqualTo(403);
        assertThat(api.get("unit-education", "/api/events/stream").status()).isEqualTo(403);
        var catalogue = api.get("viewer", "/api/events/catalogue");
        assertThat(catalogue.status()).isEqualTo(200);
        assertThat(catalogue.body().get("events").findValuesAsText("type"))
                .contains(
                        "cn.qinghai.ledger.task.TaskAssigned.v1",
                        "cn.qinghai.ledger.conference.ConferenceEstablished.v1");
    }
}
