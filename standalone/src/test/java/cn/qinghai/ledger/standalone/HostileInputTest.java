package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Thousands of generated malformed requests to every route — wrong types, missing and extra fields,
 * huge and deeply nested bodies, bad ids and encodings, bad credentials — must give no server error
 * and store no event. The generator is seeded, so a failure reproduces.
 */
@LedgerTest
class HostileInputTest {

    static ConfigurableApplicationContext app;
    static LedgerApi api;

    @BeforeAll
    static void start(StandaloneLedger ledger) {
        app = ledger.app();
        api = ledger.api();
    }

    static final String[] BAD_IDS = {
        "", " ", "a b", "../../etc/passwd", "%00", "x".repeat(65), "<script>", "名", "%E4%B8%AD", "a;drop table", "'"
    };

    static final String[] FIELDS = {
        "taskId",
        "conferenceId",
        "meetingId",
        "title",
        "leadUnitCode",
        "coUnitCodes",
        "dueDate",
        "dueInWorkingDays",
        "source",
        "percentComplete",
        "summary",
        "unitCode",
        "kind",
        "topic",
        "scheduledAt",
        "convenedBy",
        "participantUnits",
        "decisionId",
        "matter",
        "major",
        "tasks",
        "signedBy",
        "documentNo",
        "distribution",
        "approved",
        "approver",
        "decidedOn",
        "reason",
        "note",
        "requestId",
        "newDueDate",
        "evidence",
        "personId",
        "name",
        "role",
        "duties",
        "phone",
        "changeId",
        "incoming",
        "present",
        "absent",
        "standIns",
        "effectiveOn",
        "establishedOn",
        "basisDocuments",
        "period",
        "text",
        "message",
        "requirements",
        "expectedUnits",
        "documentRef"
    };

    static final String[] VALUES = {
        "null",
        "true",
        "-1",
        "1e309",
        "99999999999999999999999",
        "\"\"",
        "\"x\"",
        "\"2026-13-45\"",
        "\"9999-12-31\"",
        "\"PLENARY\"",
        "\"KING\"",
        "[]",
        "[null]",
        "{}",
        "[1,2]",
        "\"\\u0000\"",
        "\"\\u202e\"",
        "\"" + "长".repeat(3000) + "\"",
        "\"qh-infant-care\"",
        "\"education\"",
        "\"2026-03-10T09:00:00+08:00\"",
        "0.5",
        "\"\\ud800\""
    };

    @Test
    void noServerErrorAndNoNewEventWhateverTheClientSends() {
        Routes routes = Routes.of(app);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        Random random = new Random(20211208L);
        List<String> serverErrors = new ArrayList<>();
        int sent = 0;
        for (int round = 0; round < 30; round++) {
            for (Routes.Route route : routes.all()) {
                String path = route.path(SecurityEndToEndTest.VALUES);
                if (random.nextInt(4) == 0) {
                    path = path.replace(
                            "qh-infant-care",
                            BAD_IDS[random.nextInt(BAD_IDS.length)]
                                    .replace(" ", "%20")
                                    .replace("<", "%3C")
                                    .replace(">", "%3E")
                                    .replace("'", "%27")
                                    .replace(";", "%3B")
                                    .replace("名", "%E5%90%8D"));
                    if (path.contains("//") || path.endsWith("/")) {
                        path = path + "x";
                    }
                }
                byte[] body = hostileBody(random);
                String contentType = random.nextInt(10) == 0 ? "text/plain" : "application/json";
                String authorization = random.nextInt(8) == 0
                        ? badCredentials(random)
                        : "Basic " + Base64.getEncoder().encodeToString("office:demo".getBytes(StandardCharsets.UTF_8));
                if (random.nextBoolean()) {
                    authorization = "Basic "
                            + Base64.getEncoder()
                                    .encodeToString("unit-education:demo".getBytes(StandardCharsets.UTF_8));
                }
                String method = route.method();
                if (method.equals("GET") && random.nextInt(3) == 0) {
                    path = path + "?page="
                            + VALUES[random.nextInt(VALUES.length)]
                                    .replace("\"", "")
                                    .replace(" ", "%20")
                                    .replace("\\", "%5C")
                            + "&size=-5&asOf=notadate&rag=PURPLE";
                }
                LedgerApi.Response response;
                try {
                    response = api.raw(method, path, method.equals("GET") ? null : body, contentType, authorization);
                } catch (IllegalArgumentException e) {
                    continue; // the client refused to build it (illegal URI): nothing reached the server
                }
                sent++;
                if (response.status() >= 500) {
                    serverErrors.add(method + " " + path + " -> " + response.status() + " " + response.raw());
                }
            }
        }
        System.out.printf("hostile input: %d requests sent, %d server errors%n", sent, serverErrors.size());
        assertThat(sent).isGreaterThan(1000);
        assertThat(serverErrors).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class))
                .isEqualTo(before);
    }

    static byte[] hostileBody(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> "{".repeat(1 + random.nextInt(5000)).getBytes(StandardCharsets.UTF_8);
            case 1 -> ("[".repeat(100) + "]".repeat(100)).getBytes(StandardCharsets.UTF_8);
            case 2 -> new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '{', '}'};
            case 3 -> ("{\"title\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 4 -> "".getBytes(StandardCharsets.UTF_8);
            case 5 -> "null".getBytes(StandardCharsets.UTF_8);
            default -> randomObject(random).getBytes(StandardCharsets.UTF_8);
        };
    }

    static String randomObject(Random random) {
        StringBuilder json = new StringBuilder("{");
        int fields = random.nextInt(8);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                json.append(',');
            }
            String field = random.nextInt(15) == 0 ? "unexpected" + i : FIELDS[random.nextInt(FIELDS.length)];
            String value = VALUES[random.nextInt(VALUES.length)];
            if (random.nextInt(6) == 0) {
                value = "{\"personId\":" + VALUES[random.nextInt(VALUES.length)] + ",\"taskId\":\"t\"}";
            }
            json.append('"').append(field).append("\":").append(value);
        }
        return json.append('}').toString();
    }

    static String badCredentials(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "Basic " + Base64.getEncoder().encodeToString("office:wrong".getBytes(StandardCharsets.UTF_8));
            case 1 -> "Basic !!!notbase64";
            case 2 -> "Bearer not.a.jwt";
            case 3 -> "Basic " + Base64.getEncoder().encodeToString("nobody:demo".getBytes(StandardCharsets.UTF_8));
            default -> "Digest username=\"office\"";
        };
    }
}
