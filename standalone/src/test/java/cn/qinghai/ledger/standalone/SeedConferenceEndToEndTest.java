package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinghai.ledger.platform.axon.ProcessorMetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole standalone application on the embedded default (H2 file event store, file-backed
 * in-process MongoDB), started as a user starts it, with the seed conference loaded.
 */
class SeedConferenceEndToEndTest {

    static final String CID = "qh-infant-care";
    /** The seed's events: established, 16 units, 18 seats, the director; each but the first cites the notice. */
    static final int SEED_EVENTS = 1 + 2 * 16 + 2 * 18 + 2;

    @TempDir
    Path dataDir;

    ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** Started as a user starts it: read models in files of the data folder; each test awaits what it needs. */
    ConfigurableApplicationContext start() {
        return StandaloneLedger.on(dataDir)
                .readModels(StandaloneLedger.ReadModels.FILE)
                .awaitRoster(null)
                .start()
                .app();
    }

    static LedgerApi api(ConfigurableApplicationContext app) {
        return new LedgerApi(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    static long events(ConfigurableApplicationContext app) {
        return app.getBean(EventStore.class).readEvents(CID).asStream().count();
    }

    static JsonNode awaitRoster(LedgerApi api, String asOf, int seats) {
        return StandaloneLedger.awaitRoster(api, asOf, seats);
    }

    @Test
    void theSeedConferenceIsReadableAsTheNoticeWroteIt() {
        app = start();
        LedgerApi api = api(app);

        JsonNode roster = awaitRoster(api, "2021-08-12", 18);
        JsonNode seats = roster.get("seats");
        assertThat(seats.get(0).get("name").asText()).isEqualTo("匡湧");
        assertThat(seats.get(0).get("role").asText()).isEqualTo("CONVENER");
        assertThat(List.of(
                        seats.get(1).get("name").asText(),
                        seats.get(2).get("name").asText()))
                .containsExactly("靳生寿", "苏全仁");
        assertThat(seats.get(1).get("role").asText()).isEqualTo("DEPUTY_CONVENER");
        assertThat(seats.get(2).get("unitName").asText()).isEqualTo("省卫生健康委");
        assertThat(roster.get("officeDirector").get("name").asText()).isEqualTo("苏全仁");
        // the first roster was decided by the notice itself
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("viewer", "/api/conferences/" + CID + "/roster?asOf=2021-08-12")
                        .body()
                        .path("officeDirector")
                        .path("decidedBy")
                        .path("reference")
                        .asText()
                        .equals("青政办函〔2021〕138号"));
        JsonNode decided = api.get("viewer", "/api/conferences/" + CID + "/roster?asOf=2021-08-12")
                .body();
        for (JsonNode seat : decided.get("seats")) {
            assertThat(seat.get("decidedBy").get("kind").asText())
                    .as("decision of %s", seat.get("name"))
                    .isEqualTo("DOCUMENT");
            assertThat(seat.get("decidedBy").get("reference").asText()).isEqualTo("青政办函〔2021〕138号");
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("viewer", "/api/units?conferenceId=" + CID)
                                .body()
                                .get("total")
                                .asInt()
                        == 16);
        JsonNode units =
                api.get("viewer", "/api/units?conferenceId=" + CID).body().get("items");
        for (JsonNode unit : units) {
            assertThat(unit.get("member").isNull())
                    .as("member of %s", unit.get("name"))
                    .isFalse();
            // 决定依据: every seed unit was added by the notice itself
            JsonNode added = unit.path("decisions").path("unitAdded");
            assertThat(added.path("kind").asText())
                    .as("decision adding %s", unit.get("name"))
                    .isEqualTo("DOCUMENT");
            assertThat(added.path("reference").asText()).isEqualTo("青政办函〔2021〕138号");
            assertThat(added.path("decidedOn").asText()).isEqualTo("2021-08-12");
            assertThat(unit.path("decisions").path("dutiesUpdated").isNull()).isTrue();
            if (!unit.get("unitCode").asText().equals("ageing")) {
                assertThat(unit.get("duties").size())
                        .as("duties of %s", unit.get("name"))
                        .isPositive();
            }
        }
        JsonNode ageing = api.get("viewer", "/api/units/ageing").body();
        assertThat(ageing.get("name").asText()).isEqualTo("省老龄委");
        assertThat(ageing.get("duties").size()).isZero();
        assertThat(ageing.get("member").get("name").asText()).isEqualTo("王勇");

        JsonNode overview = api.get("viewer", "/api/conferences/" + CID).body();
        assertThat(overview.get("documentNo").asText()).isEqualTo("青政办函〔2021〕138号");
        assertThat(overview.get("basisDocuments").get(0).asText()).contains("青政办〔2019〕103号");
        assertThat(overview.get("office").get("hostUnitName").asText()).isEqualTo("省卫生健康委");
        assertThat(api.get("viewer", "/api/conferences").body().get("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void badRequestsGetProblemDetailsAndChangeNothing() {
        app = start();
        LedgerApi api = api(app);
        awaitRoster(api, "2021-08-12", 18);
        long before = events(app);

        var secondConvener = api.post(
                "office",
                "/api/conferences/" + CID + "/members",
                "{\"personId\":\"someone\",\"name\":\"某人\",\"title\":\"副省长\",\"role\":\"CONVENER\"}");
        assertThat(secondConvener.status()).isEqualTo(422);
        assertThat(secondConvener.contentType()).startsWith("application/problem+json");
        assertThat(secondConvener.body().get("rule").asText()).isEqualTo("AtMostOneConvener");

        var malformed = api.post("office", "/api/conferences/" + CID + "/members", "{\"personId\": \"x\",");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        var unknownUnit = api.put(
                "office",
                "/api/conferences/" + CID + "/units/nowhere/liaison",
                "{\"name\":\"李\",\"title\":\"处长\",\"phone\":\"0971-6666666\"}");
        assertThat(unknownUnit.status()).isEqualTo(422);
        assertThat(unknownUnit.body().get("rule").asText()).isEqualTo("LiaisonOfActiveUnit");

        var unknownUnitSeat = api.post(
                "office",
                "/api/conferences/" + CID + "/members",
                "{\"personId\":\"p1\",\"name\":\"某\",\"title\":\"副厅长\",\"role\":\"MEMBER\",\"unitCode\":\"nowhere\"}");
        assertThat(unknownUnitSeat.status()).isEqualTo(404);
        assertThat(unknownUnitSeat.body().get("rule").asText()).isEqualTo("KnownUnit");

        var invalid = api.post(
                "office",
                "/api/conferences/" + CID + "/members",
                "{\"personId\":\"bad id!\",\"name\":\"\",\"title\":\"t\",\"role\":\"KING\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("errors").get(0).get("field").asText()).isEqualTo("role");

        var invalidFields = api.post(
                "office",
                "/api/conferences/" + CID + "/members",
                "{\"personId\":\"bad id!\",\"name\":\"\",\"title\":\"t\",\"role\":\"MEMBER\"}");
        assertThat(invalidFields.status()).isEqualTo(400);
        assertThat(invalidFields.body().get("errors").findValuesAsText("field")).contains("personId", "name");

        var unknownField = api.post(
                "office",
                "/api/conferences/" + CID + "/members",
                "{\"personId\":\"p2\",\"name\":\"某\",\"title\":\"t\",\"role\":\"MEMBER\",\"unitCode\":\"finance\",\"x\":1}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.body().get("errors").get(0).get("field").asText())
                .isEqualTo("x");

        var unknownConference = api.post(
                "office",
                "/api/conferences/nope/members",
                "{\"personId\":\"p3\",\"name\":\"某\",\"title\":\"t\",\"role\":\"CONVENER\"}");
        assertThat(unknownConference.status()).isEqualTo(404);

        var duplicateCreate = api.post(
                "office",
                "/api/conferences",
                "{\"conferenceId\":\"" + CID + "\",\"name\":\"n\",\"documentNo\":\"d\",\"basisDocuments\":[],"
                        + "\"leadUnitCode\":\"health\",\"establishedOn\":\"2021-08-12\"}");
        assertThat(duplicateCreate.status()).isEqualTo(409);

        var viewerWrites = api.post("viewer", "/api/conferences/" + CID + "/members", "{}");
        assertThat(viewerWrites.status()).isEqualTo(403);
        var auditorWrites = api.put(
                "auditor",
                "/api/conferences/" + CID + "/units/education/liaison",
                "{\"name\":\"李\",\"title\":\"处长\",\"phone\":\"0971-6666666\"}");
        assertThat(auditorWrites.status()).isEqualTo(403);
        var otherUnitsLiaison = api.put(
                "unit-finance",
                "/api/conferences/" + CID + "/units/education/liaison",
                "{\"name\":\"李\",\"title\":\"处长\",\"phone\":\"0971-6666666\"}");
        assertThat(otherUnitsLiaison.status()).isEqualTo(403);
        var anonymous = api.get(null, "/api/units");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(api.get("viewer", "/api/conferences/nope").status()).isEqualTo(404);
        assertThat(api.get("viewer", "/api/conferences/" + CID + "/roster?asOf=yesterday")
                        .status())
                .isEqualTo(400);

        assertThat(events(app)).isEqualTo(before);
    }

    @Test
    void aUnitFilesItsLiaisonAndProposesItsMemberChangeWhichTakesEffectWhenConfirmed() {
        app = start();
        LedgerApi api = api(app);
        awaitRoster(api, "2021-08-12", 18);

        // A filing of 2024 recorded now: older than a unit may date its own, so the office records it, with why.
        var filed = api.put(
                "office",
                "/api/conferences/" + CID + "/units/education/liaison",
                "{\"name\":\"李联络\",\"title\":\"学前教育处处长\",\"phone\":\"0971-6666666\",\"effectiveOn\":\"2024-01-02\","
                        + "\"reason\":\"补录2024年的备案\"}");
        assertThat(filed.status()).isEqualTo(200);
        var proposed = api.post(
                "unit-education",
                "/api/conferences/" + CID + "/member-changes",
                "{\"changeId\":\"edu-2024\",\"unitCode\":\"education\",\"outgoingPersonId\":\"zhong-zehai\","
                        + "\"incoming\":{\"personId\":\"wang-xin\",\"name\":\"王新\",\"title\":\"省教育厅副厅长\"},"
                        + "\"reason\":\"工作变动\"}");
        assertThat(proposed.status()).isEqualTo(201);
        var confirmed = api.post(
                "office",
                "/api/conferences/" + CID + "/member-changes/edu-2024/confirmation",
                "{\"effectiveOn\":\"2024-03-01\",\"decidedBy\":{\"kind\":\"CIRCULATION\",\"reference\":\"青婴联办函〔2024〕1号\",\"decidedOn\":\"2024-02-20\"}}");
        assertThat(confirmed.status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "王新"
                        .equals(api.get("viewer", "/api/units/education")
                                .body()
                                .path("member")
                                .path("name")
                                .asText()));
        JsonNode unit = api.get("viewer", "/api/units/education").body();
        assertThat(unit.get("liaison").get("name").asText()).isEqualTo("李联络");
        JsonNode before = awaitRoster(api, "2024-02-29", 18);
        assertThat(before.get("seats").findValuesAsText("name")).contains("钟泽海").doesNotContain("王新");
        assertThat(before.get("liaisons").get(0).get("name").asText()).isEqualTo("李联络");
        JsonNode after = awaitRoster(api, "2024-03-01", 18);
        assertThat(after.get("seats").findValuesAsText("name")).contains("王新").doesNotContain("钟泽海");
        // the roster keeps the notice's order: the successor takes the unit's place, not the end of the list
        assertThat(after.get("seats").findValuesAsText("name").indexOf("王新"))
                .isEqualTo(before.get("seats").findValuesAsText("name").indexOf("钟泽海"))
                .isLessThan(after.get("seats").size() - 1);
    }

    /** 换届: a new vice-governor takes the convener's seat on a date, as the conference decided. */
    @Test
    void theConvenersSeatPassesOnAsTheConferenceDecidedAndTheRosterKeepsItsHistory() {
        app = start();
        LedgerApi api = api(app);
        awaitRoster(api, "2021-08-12", 18);
        String path = "/api/conferences/" + CID + "/seats/kuang-yong/succession";
        String incoming = "\"incoming\":{\"personId\":\"zhang-xin\",\"name\":\"张新\",\"title\":\"副省长\"},"
                + "\"effectiveOn\":\"2024-05-10\"";

        var undecided = api.post("office", path, "{" + incoming + "}");
        assertThat(undecided.status()).as(undecided.raw()).isEqualTo(422);
        assertThat(undecided.body().path("rule").asText()).isEqualTo("ConferenceDecidesRosterChanges");
        assertThat(api.post("unit-education", path, "{" + incoming + "}").status())
                .isEqualTo(403);

        var succeeded = api.post(
                "office",
                path,
                "{" + incoming + ",\"decidedBy\":{\"kind\":\"CIRCULATION\","
                        + "\"reference\":\"青婴联办函〔2024〕2号\",\"decidedOn\":\"2024-05-06\"}}");
        assertThat(succeeded.status()).as(succeeded.raw()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "张新"
                        .equals(awaitRoster(api, "2024-05-10", 18)
                                .get("seats")
                                .get(0)
                                .path("name")
                                .asText()));
        JsonNode after = awaitRoster(api, "2024-05-10", 18);
        JsonNode convener = after.get("seats").get(0);
        assertThat(convener.get("role").asText()).isEqualTo("CONVENER");
        assertThat(convener.get("from").asText()).isEqualTo("2024-05-10");
        assertThat(convener.get("decidedBy").get("kind").asText()).isEqualTo("CIRCULATION");
        assertThat(convener.get("decidedBy").get("reference").asText()).isEqualTo("青婴联办函〔2024〕2号");
        assertThat(after.get("seats").findValuesAsText("name")).doesNotContain("匡湧");
        JsonNode before = awaitRoster(api, "2024-05-09", 18);
        assertThat(before.get("seats").get(0).get("name").asText()).isEqualTo("匡湧");
        assertThat(before.get("seats").get(0).get("to").asText()).isEqualTo("2024-05-10");
        assertThat(before.get("seats").get(0).get("decidedBy").get("reference").asText())
                .isEqualTo("青政办函〔2021〕138号");

        // 苏全仁 is also the office director: his successor's succession must say what becomes of the post
        String su = "/api/conferences/" + CID + "/seats/su-quanren/succession";
        String next = "\"incoming\":{\"personId\":\"li-xin\",\"name\":\"李新\",\"title\":\"省卫生健康委主任\"},"
                + "\"effectiveOn\":\"2024-06-01\",\"decidedBy\":{\"kind\":\"MEETING\",\"reference\":\"第三次全体会议\","
                + "\"decidedOn\":\"2024-05-28\"}";
        var silent = api.post("office", su, "{" + next + "}");
        assertThat(silent.status()).as(silent.raw()).isEqualTo(422);
        assertThat(silent.body().path("rule").asText()).isEqualTo("OfficeDirectorIsSeated");
        var handed = api.post("office", su, "{" + next + ",\"officeDirector\":\"TO_INCOMING\"}");
        assertThat(handed.status()).as(handed.raw()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "李新"
                        .equals(awaitRoster(api, "2024-06-01", 18)
                                .path("officeDirector")
                                .path("name")
                                .asText()));
        assertThat(awaitRoster(api, "2024-05-31", 18)
                        .get("officeDirector")
                        .get("name")
                        .asText())
                .isEqualTo("苏全仁");
        assertThat(api.get("viewer", "/api/units/health")
                        .body()
                        .path("member")
                        .path("name")
                        .asText())
                .isEqualTo("李新");
    }

    @Test
    void aRestartKeepsEverythingAndDoesNotLoadTheSeedTwice() throws SQLException {
        app = start();
        awaitRoster(api(app), "2021-08-12", 18);
        long events = events(app);
        assertThat(events).isEqualTo(SEED_EVENTS);
        app.close();

        app = start();
        LedgerApi api = api(app);
        assertThat(events(app)).isEqualTo(events);
        JsonNode roster = awaitRoster(api, "2021-08-12", 18);
        assertThat(roster.get("officeDirector").get("name").asText()).isEqualTo("苏全仁");
        assertThat(api.get("viewer", "/api/units").body().get("total").asInt()).isEqualTo(16);
        assertThat(api.get(null, "/actuator/health").body().get("status").asText())
                .isEqualTo("UP");
        assertThat(app.getBean(GlobalMetricRegistry.class))
                .as("capacity measured over a minute, not ten")
                .isInstanceOf(ProcessorMetricRegistry.class);
        assertThat(eventColumnTypes(app.getBean(DataSource.class)))
                .as("event payloads in the row: H2 keeps every blob it hands out for five minutes")
                .containsEntry("PAYLOAD", "BINARY VARYING")
                .containsEntry("META_DATA", "BINARY VARYING");
        assertThat(secondaryIndexes(app.getBean(MongoDatabase.class)))
                .as("the in-process store re-reads a collection for each index it holds on every start")
                .isEmpty();
    }

    @Test
    void anEventStoreWrittenWithBlobColumnsBeforeIsStillReadAndWritten() throws SQLException {
        // The event table as versions before the varbinary mapping created it; Hibernate's update keeps it.
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("eventstore"), "ledger", "");
                Statement s = c.createStatement()) {
            s.execute("create sequence domain_event_entry_seq start with 1 increment by 1");
            s.execute("""
                    create table domain_event_entry (global_index bigint not null primary key,
                      aggregate_identifier varchar(255) not null, sequence_number bigint not null,
                      type varchar(255), event_identifier varchar(255) not null unique,
                      meta_data blob, payload blob not null, payload_revision varchar(255),
                      payload_type varchar(255) not null, time_stamp varchar(255) not null,
                      unique (aggregate_identifier, sequence_number))""");
        }
        app = start();
        awaitRoster(api(app), "2021-08-12", 18);
        assertThat(eventColumnTypes(app.getBean(DataSource.class))).containsEntry("PAYLOAD", "BINARY LARGE OBJECT");
        long events = events(app);
        app.close();

        app = start();
        assertThat(events(app)).isEqualTo(events);
        assertThat(awaitRoster(api(app), "2021-08-12", 18)
                        .get("officeDirector")
                        .get("name")
                        .asText())
                .isEqualTo("苏全仁");
    }

    static Map<String, String> eventColumnTypes(DataSource dataSource) throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select column_name, data_type from information_schema.columns "
                        + "where table_name = 'DOMAIN_EVENT_ENTRY'")) {
            while (r.next()) {
                types.put(r.getString(1), r.getString(2));
            }
        }
        return types;
    }

    /** The ledger's non-unique indexes besides {@code _id} (Axon's own token and dead-letter collections aside). */
    static List<String> secondaryIndexes(MongoDatabase db) {
        List<String> found = new ArrayList<>();
        for (String collection : db.listCollectionNames()) {
            if (collection.equals("trackingtokens") || collection.equals("deadletters")) {
                continue;
            }
            for (Document index : db.getCollection(collection).listIndexes()) {
                if (!"_id_".equals(index.getString("name")) && !Boolean.TRUE.equals(index.getBoolean("unique"))) {
                    found.add(collection + "." + index.getString("name"));
                }
            }
        }
        return found;
    }
}
