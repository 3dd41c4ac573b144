package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every read model built live from a realistic history — the seed conference, a plenary with its
 * minutes and a major matter, tasks through progress, urging, extension, completion, return and
 * closure, a member change and a liaison, a reporting round with reports, an urging and an added unit — is rebuilt from scratch, and every answer the API gives
 * from it is identical afterwards.
 */
@LedgerTest
class ReplayEqualsLiveTest {

    static final String CID = "qh-infant-care";
    static final List<String> PROJECTIONS = List.of("roster", "meetings", "tasks", "reporting", "circulars");

    @Test
    void everyReadModelRebuiltFromScratchEqualsTheOneBuiltLive(LedgerApi api) {
        history(api);
        // Live means: every projection has handled every stored event.
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode all = api.get("admin", "/api/admin/projections").body();
            for (JsonNode p : all.path("items")) {
                if (PROJECTIONS.contains(p.path("name").asText())
                        && !p.path("caughtUp").asBoolean()) {
                    return false;
                }
            }
            return "王新"
                    .equals(api.get("viewer", "/api/units/education")
                            .body()
                            .path("member")
                            .path("name")
                            .asText());
        });
        Map<String, JsonNode> live = answers(api);

        for (String projection : PROJECTIONS) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode p =
                        api.get("admin", "/api/admin/projections/" + projection).body();
                return p.get("claimedHere").asInt() == p.get("segments").asInt();
            });
            var started = api.post("admin", "/api/admin/projections/" + projection + "/replay", "");
            assertThat(started.status()).as(started.raw()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> "DONE"
                            .equals(api.get("admin", "/api/admin/projections/" + projection)
                                    .body()
                                    .path("replay")
                                    .path("state")
                                    .asText()));
            assertThat(api.get("admin", "/api/admin/projections/" + projection)
                            .body()
                            .get("activeGeneration")
                            .asInt())
                    .isEqualTo(2);
        }
        Map<String, JsonNode> rebuilt = answers(api);
        for (String path : live.keySet()) {
            assertThat(rebuilt.get(path)).as(path).isEqualTo(live.get(path));
        }
    }

    static Map<String, JsonNode> answers(LedgerApi api) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String path : List.of(
                "/api/conferences",
                "/api/conferences/" + CID,
                "/api/conferences/" + CID + "/roster?asOf=2021-08-12",
                "/api/conferences/" + CID + "/roster?asOf=2026-11-30",
                "/api/units?conferenceId=" + CID + "&includeRemoved=true",
                "/api/units/education",
                "/api/meetings?conferenceId=" + CID,
                "/api/meetings/rl-m1",
                "/api/decisions?conferenceId=" + CID,
                "/api/tasks?size=500",
                "/api/tasks/rl-t1",
                "/api/tasks/rl-t2",
                "/api/tasks/rl-t3",
                "/api/circulars?conferenceId=" + CID + "&from=2026-01-01&to=2026-12-31",
                "/api/conferences/" + CID + "/reporting-rounds",
                "/api/conferences/" + CID + "/reporting-rounds/2030-H1",
                "/api/conferences/" + CID + "/reporting-rounds?unitCode=finance&open=true",
                "/api/circulars/issued?conferenceId=" + CID,
                "/api/circulars/issued/rl-circular")) {
            var response = api.get("viewer", path);
            assertThat(response.status()).as(path).isEqualTo(200);
            answers.put(path, response.body());
        }
        return answers;
    }

    static void history(LedgerApi api) {
        ok(api.post("office", "/api/meetings", """
                {"meetingId":"rl-m1","conferenceId":"qh-infant-care","kind":"PLENARY","topic":"全体会议",
                 "scheduledAt":"2026-03-10T09:00:00+08:00","location":"省政府第一会议室","convenedBy":"kuang-yong",
                 "invitedDepartments":["省委宣传部"]}"""));
        ok(api.post("office", "/api/meetings/rl-m1/attendance", """
                {"present":["health","development-reform","education","public-security","civil-affairs","finance",
                 "human-resources","natural-resources","housing","ageing","emergency","market-regulation","trade-union",
                 "youth-league","womens-federation"],"absent":[{"unitCode":"taxation","reason":"出差"}],
                 "standIns":[{"unitCode":"education","name":"李处长","title":"处长"}]}"""));
        ok(api.post("office", "/api/meetings/rl-m1/decisions", """
                {"decisionId":"d1","matter":"出台实施方案","major":false,
                 "tasks":[{"taskId":"rl-t1","title":"起草方案","leadUnitCode":"education","coUnitCodes":["finance"],"dueDate":"2027-06-30"},
                          {"taskId":"rl-t2","title":"摸底调查","leadUnitCode":"civil-affairs","dueDate":"2027-05-31"}]}"""));
        ok(api.post("office", "/api/meetings/rl-m1/decisions", """
                {"decisionId":"d2","matter":"设立专项资金","major":true,
                 "tasks":[{"taskId":"rl-t3","title":"测算资金","leadUnitCode":"finance","dueDate":"2027-09-30"}]}"""));
        ok(api.post("office", "/api/meetings/rl-m1/minutes/signature", "{\"signedBy\":\"kuang-yong\"}"));
        ok(api.post(
                "office",
                "/api/meetings/rl-m1/minutes/issue",
                "{\"documentNo\":\"青婴托联〔2026〕7号\",\"distribution\":[\"各市州\"]}"));
        ok(api.post(
                "office",
                "/api/meetings/rl-m1/decisions/d2/approval-request",
                "{\"submittedTo\":\"省政府\",\"documentNo\":\"呈1号\"}"));
        ok(api.post(
                "office",
                "/api/meetings/rl-m1/decisions/d2/approval",
                "{\"approved\":true,\"approver\":\"省政府\",\"documentNo\":\"青政函9号\"}"));
        String t = "/api/tasks/rl-t1";
        ok(api.post("unit-education", t + "/acknowledgement", "{}"));
        ok(api.post("unit-finance", t + "/progress", "{\"percentComplete\":40,\"summary\":\"资金测算\"}"));
        ok(api.post("unit-education", t + "/progress", "{\"percentComplete\":60,\"summary\":\"初稿\"}"));
        ok(api.post("office", t + "/urgings", "{\"note\":\"请加快\"}"));
        ok(api.post(
                "unit-education",
                t + "/extension-requests",
                "{\"requestId\":\"x1\",\"newDueDate\":\"2027-07-31\",\"reason\":\"征求意见\"}"));
        ok(api.post("office", t + "/extension-requests/x1/grant", "{\"note\":\"同意\"}"));
        ok(api.post("unit-education", t + "/progress", "{\"percentComplete\":100,\"summary\":\"已印发\"}"));
        ok(api.post("unit-education", t + "/completion", "{\"summary\":\"已印发\",\"evidence\":[\"文件\"]}"));
        ok(api.post("office", t + "/return", "{\"reason\":\"补充\"}"));
        ok(api.post("unit-education", t + "/progress", "{\"percentComplete\":100,\"summary\":\"已补充\"}"));
        ok(api.post("unit-education", t + "/completion", "{\"summary\":\"已补充\"}"));
        ok(api.post("office", t + "/closure", "{\"note\":\"销号\"}"));
        ok(api.put(
                "unit-education",
                "/api/conferences/" + CID + "/units/education/liaison",
                "{\"name\":\"李联络\",\"title\":\"处长\",\"phone\":\"0971-6666666\"}"));
        ok(api.post("unit-education", "/api/conferences/" + CID + "/member-changes", """
                {"changeId":"rl-c1","unitCode":"education","outgoingPersonId":"zhong-zehai",
                 "incoming":{"personId":"wang-xin","name":"王新","title":"副厅长"},"reason":"工作变动"}"""));
        ok(
                api.post(
                        "office",
                        "/api/conferences/" + CID + "/member-changes/rl-c1/confirmation",
                        "{\"decidedBy\":{\"kind\":\"CIRCULATION\",\"reference\":\"青婴联办函〔2024〕1号\",\"decidedOn\":\"2024-02-20\"}}"));
        String rounds = "/api/conferences/" + CID + "/reporting-rounds";
        ok(api.post("office", rounds, """
                {"kind":"HALF_YEAR","period":"2030-H1","dueDate":"2030-07-15",
                 "expectedUnits":["education","finance"],"requirements":"报送上半年工作情况"}"""));
        ok(api.post("unit-education", rounds + "/2030-H1/reports", "{\"text\":\"初稿\"}"));
        ok(api.post("unit-education", rounds + "/2030-H1/reports", "{\"text\":\"定稿\",\"documentRef\":\"青教函1号\"}"));
        ok(api.post("office", rounds + "/2030-H1/urgings", "{\"unitCode\":\"finance\",\"message\":\"请报送\"}"));
        ok(api.post("office", rounds + "/2030-H1/expected-units", "{\"unitCode\":\"health\"}"));
        String march = api.get("office", "/api/circulars?conferenceId=" + CID + "&from=2026-03-01&to=2026-03-31")
                .body()
                .toString();
        ok(api.post("office", "/api/circulars/issued", """
                {"circularId":"rl-circular","conferenceId":"%s","from":"2026-03-01","to":"2026-03-31",
                 "documentNo":"青联办通〔2026〕5号","distribution":["各成员单位"],
                 "commendation":"省教育厅及时签收交办事项。","urging":"请各成员单位按期报送进展。","figures":%s}""".formatted(CID, march)));
        ok(api.post("office", "/api/circulars/issued/rl-circular/corrections", """
                {"reason":"补充分送单位","distribution":["各成员单位","省政府办公厅"],
                 "commendation":"省教育厅及时签收交办事项。","urging":"请各成员单位按期报送进展。","figures":%s}""".formatted(march)));
    }

    static void ok(LedgerApi.Response response) {
        assertThat(response.status()).as(response.raw()).isBetween(200, 201);
    }
}
