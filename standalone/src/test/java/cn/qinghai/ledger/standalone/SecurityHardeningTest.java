package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinghai.ledger.platform.security.LedgerUserDirectory;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What an attacker with a demo account tried: guessing passwords, telling users apart by timing,
 * writing through a signed-in session without the CSRF token, multipart bodies, operations data,
 * cookie flags and the headers of rejected requests. Each client address is set with
 * {@code X-Forwarded-For} (honoured from the loopback proxy), so the tests do not share throttling.
 */
@LedgerTest
class SecurityHardeningTest {

    static final String CID = "qh-infant-care";
    static final AtomicInteger addresses = new AtomicInteger(1);

    static ConfigurableApplicationContext app;
    static LedgerApi api;
    static String base;

    @BeforeAll
    static void start(StandaloneLedger ledger) {
        app = ledger.app();
        api = ledger.api();
        base = ledger.base();
    }

    static String newAddress() {
        int n = addresses.getAndIncrement();
        return "10.9." + (n / 250) + "." + (n % 250 + 1);
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpRequest.Builder basic(String path, String user, String password, String address) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("X-Forwarded-For", address)
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A browser: a cookie jar, the login page's token, and the sign-in form. */
    record Browser(HttpClient client, CookieManager cookies, String address) {

        static Browser signedIn(String user, String password, String address, String forwardedProto) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
            Browser browser = new Browser(client, cookies, address);
            HttpResponse<String> signIn = browser.signIn(user, password, forwardedProto);
            assertThat(signIn.statusCode()).isEqualTo(302);
            assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
            return browser;
        }

        HttpResponse<String> signIn(String user, String password, String forwardedProto) throws Exception {
            HttpResponse<String> page = send(
                    client,
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Accept", "text/html")
                            .header("X-Forwarded-For", address));
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
            assertThat(token.find()).isTrue();
            return send(
                    client,
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "text/html")
                            .header("X-Forwarded-For", address)
                            .header("X-Forwarded-Proto", forwardedProto)
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "username=" + user + "&password=" + password + "&_csrf=" + token.group(1))));
        }

        String xsrf() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElseThrow();
        }

        HttpRequest.Builder post(String path, String json) {
            return HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", address)
                    .POST(HttpRequest.BodyPublishers.ofString(json));
        }
    }

    @Test
    void guessingAPasswordOnTheFormIsThrottledAndTheRightOneWaitsToo() throws Exception {
        String address = newAddress();
        CookieManager cookies = new CookieManager();
        Browser browser =
                new Browser(HttpClient.newBuilder().cookieHandler(cookies).build(), cookies, address);
        for (int i = 0; i < 5; i++) {
            assertThat(browser.signIn("office", "wrong" + i, "http")
                            .headers()
                            .firstValue("Location")
                            .orElse(""))
                    .contains("error");
        }
        HttpResponse<String> throttled = browser.signIn("office", "demo", "http");
        assertThat(throttled.statusCode()).isEqualTo(303);
        assertThat(throttled.headers().firstValue("Location").orElse("")).endsWith("/login?throttled");
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(send(browser.client(), HttpRequest.newBuilder(URI.create(base + "/api/me")))
                        .statusCode())
                .as("the right password sent while throttled did not sign in")
                .isEqualTo(401);
        long wait = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        Thread.sleep(wait * 1000 + 200);
        assertThat(browser.signIn("office", "demo", "http")
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .doesNotContain("error")
                .doesNotContain("throttled");
    }

    @Test
    void guessingOverBasicIsA429PerAccountAndPerAddress() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(send(client, basic("/api/me", "unit-finance", "guess" + i, address))
                            .statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> throttled = send(client, basic("/api/me", "unit-finance", "demo", address));
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(send(client, basic("/api/me", "unit-finance", "demo", newAddress()))
                        .statusCode())
                .as("the account waits from every address")
                .isEqualTo(429);

        // One address trying many names is throttled by its address.
        String guesser = newAddress();
        for (int i = 0; i < 20; i++) {
            assertThat(send(client, basic("/api/me", "nobody-" + i, "x", guesser))
                            .statusCode())
                    .isEqualTo(401);
        }
        assertThat(send(client, basic("/api/me", "auditor", "demo", guesser)).statusCode())
                .isEqualTo(429);
        assertThat(send(client, basic("/api/me", "auditor", "demo", newAddress()))
                        .statusCode())
                .as("the account itself is not locked by someone else's guessing")
                .isEqualTo(200);
        String metrics = send(client, basic("/actuator/prometheus", "admin", "demo", newAddress()))
                .body();
        assertThat(metrics).contains("ledger_signin_failures_total").contains("ledger_signin_throttled_total");
    }

    @Test
    void anUnknownNameIsCheckedAgainstAHashOfTheUsersOwnCostSoTimingTellsNothing() throws Exception {
        var directory = app.getBean(LedgerUserDirectory.class);
        assertThat(LedgerUserDirectory.bcryptCost(
                        directory.loadUserByUsername("nobody").getPassword()))
                .isEqualTo(LedgerUserDirectory.bcryptCost(
                        directory.loadUserByUsername("office").getPassword()));
        HttpClient client = HttpClient.newHttpClient();
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        String[] units = {"education", "health", "civil-affairs", "housing", "justice"};
        for (int round = 0; round < 3; round++) {
            for (String unit : units) {
                long t0 = System.nanoTime();
                send(client, basic("/api/me", "unit-" + unit, "wrong-" + round, newAddress()));
                known.add(System.nanoTime() - t0);
                t0 = System.nanoTime();
                send(client, basic("/api/me", "nobody-" + unit + round, "wrong", newAddress()));
                unknown.add(System.nanoTime() - t0);
            }
        }
        known.sort(Long::compare);
        unknown.sort(Long::compare);
        long knownMedian = known.get(known.size() / 2);
        long unknownMedian = unknown.get(unknown.size() / 2);
        assertThat((double) unknownMedian / knownMedian)
                .as("median %d vs %d ns", unknownMedian, knownMedian)
                .isBetween(0.2, 5.0);
    }

    @Test
    void aSignedInSessionNeedsTheCsrfHeaderWhateverAuthorizationComesWithIt() throws Exception {
        assertThat(api.post("office", "/api/tasks", """
                {"taskId":"csrf-1","conferenceId":"qh-infant-care","title":"报送方案","leadUnitCode":"education",
                 "dueInWorkingDays":5,"source":"办公室通知"}""").status()).isEqualTo(201);
        Browser office = Browser.signedIn("office", "demo", newAddress(), "http");
        String urge = "{\"note\":\"催\"}";
        for (String authorization : List.of(
                "Bearer junk",
                "",
                "Basic " + Base64.getEncoder().encodeToString("office:wrong".getBytes(StandardCharsets.UTF_8)))) {
            int status = send(
                            office.client(),
                            office.post("/api/tasks/csrf-1/urgings", urge).header("Authorization", authorization))
                    .statusCode();
            assertThat(status)
                    .as("Authorization '%s' beside the session", authorization)
                    .isIn(401, 403);
        }
        assertThat(send(office.client(), office.post("/api/tasks/csrf-1/urgings?_csrf=" + office.xsrf(), urge))
                        .statusCode())
                .as("the token in the query string")
                .isEqualTo(403);
        assertThat(send(office.client(), office.post("/api/tasks/csrf-1/urgings", urge))
                        .statusCode())
                .isEqualTo(403);
        assertThat(send(
                                office.client(),
                                office.post("/api/tasks/csrf-1/urgings", urge).header("X-XSRF-TOKEN", office.xsrf()))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aUnitCannotRewriteTheRostersPastAndEachDateShowsOneLiaison() {
        String path = "/api/conferences/" + CID + "/units/education/liaison";
        LocalDate today = LocalDate.now();
        var backdated = api.put("unit-education", path, liaison("回溯", "2021-08-12", null));
        assertThat(backdated.status()).as(backdated.raw()).isEqualTo(422);
        assertThat(backdated.body().path("rule").asText()).isEqualTo("LiaisonFilingWindow");
        var future = api.put("unit-education", path, liaison("未来", "2030-01-01", null));
        assertThat(future.status()).as(future.raw()).isEqualTo(422);
        assertThat(future.body().path("rule").asText()).isEqualTo("LiaisonFilingWindow");

        assertThat(api.put(
                                "unit-education",
                                path,
                                liaison("新联络员", today.minusDays(5).toString(), null))
                        .status())
                .isEqualTo(200);
        var before = api.put("office", path, liaison("更正", today.minusDays(6).toString(), "补录"));
        assertThat(before.status()).as(before.raw()).isEqualTo(422);
        assertThat(before.body().path("rule").asText()).isEqualTo("LiaisonHistoryInOrder");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(liaisonsOf("education", today)).containsExactly("新联络员"));
        for (LocalDate day : List.of(LocalDate.of(2021, 8, 12), today.minusDays(6), today.minusDays(5), today)) {
            assertThat(liaisonsOf("education", day)).as("liaisons on " + day).hasSizeLessThanOrEqualTo(1);
        }
        assertThat(liaisonsOf("education", today.minusDays(6))).doesNotContain("新联络员");
    }

    @Test
    void aUnitUserActsOnlyInItsOwnConferenceNotForTheSameCodeElsewhere() {
        String other = "bound-elsewhere";
        String since = LocalDate.now().minusDays(10).toString();
        assertThat(api.post("office", "/api/conferences", """
                {"conferenceId":"%s","name":"另一联席会议","documentNo":"青测〔2026〕1号","basisDocuments":[],
                 "leadUnitCode":"education","establishedOn":"%s"}""".formatted(other, since))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("office", "/api/conferences/" + other + "/units", """
                {"unitCode":"education","name":"另一单位","duties":["配合"],"effectiveOn":"%s",
                 "decidedBy":{"kind":"DOCUMENT","reference":"青测〔2026〕1号","decidedOn":"%s"}}""".formatted(since, since))
                        .status())
                .isIn(200, 201);
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        api.post("office", "/api/tasks", """
                {"taskId":"bound-1","conferenceId":"%s","title":"另一会议的任务","leadUnitCode":"education",
                 "dueInWorkingDays":5,"source":"办公室通知"}""".formatted(other)).status() == 201);

        var acknowledged = api.post("unit-education", "/api/tasks/bound-1/acknowledgement", "{}");
        assertThat(acknowledged.status()).as(acknowledged.raw()).isEqualTo(403);
        assertThat(api.post(
                                "unit-education",
                                "/api/tasks/bound-1/progress",
                                "{\"percentComplete\":20,\"summary\":\"越权\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.put(
                                "unit-education",
                                "/api/conferences/" + other + "/units/education/liaison",
                                liaison("越权", LocalDate.now().toString(), null))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("unit-education", "/api/me")
                        .body()
                        .path("conferenceId")
                        .asText())
                .isEqualTo(CID);
    }

    @Test
    void aReasonAUnitWroteIsReadByTheOfficeAuditorsAndThatUnitOnly() {
        assertThat(api.post("office", "/api/tasks", """
                {"taskId":"reason-1","conferenceId":"%s","title":"理由可见性","leadUnitCode":"education",
                 "dueInWorkingDays":5,"source":"办公室通知"}""".formatted(CID)).status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.post("unit-education", "/api/tasks/reason-1/extension-requests", """
                {"requestId":"r1","newDueDate":"%s","reason":"分管同志病休"}""".formatted(
                                                        LocalDate.now().plusDays(60)))
                                        .status()
                                / 100
                        == 2);
        assertThat(api.post("unit-education", "/api/conferences/" + CID + "/member-changes", """
                {"changeId":"reason-c1","unitCode":"education","outgoingPersonId":"zhong-zehai",
                 "incoming":{"personId":"xin-ren","name":"新任","title":"副厅长"},"reason":"工作调动，另有安排"}""")
                        .status())
                .isIn(200, 201);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !extensionReasons("office").isEmpty()
                        && !changeReasons("office").isEmpty());
        for (String reader : List.of("office", "auditor", "admin", "unit-education")) {
            assertThat(extensionReasons(reader)).as(reader).containsExactly("分管同志病休");
            assertThat(changeReasons(reader)).as(reader).containsExactly("工作调动，另有安排");
        }
        for (String reader : List.of("viewer", "unit-finance")) {
            assertThat(extensionReasons(reader)).as(reader).containsExactly("");
            assertThat(changeReasons(reader)).as(reader).containsExactly("");
            assertThat(api.get(reader, "/api/tasks/reason-1")
                            .body()
                            .path("extensions")
                            .get(0)
                            .path("newDueDate")
                            .asText())
                    .as("the request itself stays visible")
                    .isNotEmpty();
        }
    }

    static List<String> extensionReasons(String reader) {
        List<String> reasons = new ArrayList<>();
        api.get(reader, "/api/tasks/reason-1")
                .body()
                .path("extensions")
                .forEach(x -> reasons.add(x.path("reason").asText("")));
        return reasons;
    }

    static List<String> changeReasons(String reader) {
        List<String> reasons = new ArrayList<>();
        api.get(reader, "/api/conferences/" + CID + "/member-changes")
                .body()
                .path("items")
                .forEach(c -> {
                    if (c.path("changeId").asText().equals("reason-c1")) {
                        reasons.add(c.path("reason").asText(""));
                    }
                });
        return reasons;
    }

    static String liaison(String name, String effectiveOn, String reason) {
        return "{\"name\":\"" + name + "\",\"title\":\"处长\",\"phone\":\"0971-1234567\",\"effectiveOn\":\"" + effectiveOn
                + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
    }

    static List<String> liaisonsOf(String unitCode, LocalDate asOf) {
        var roster = api.get("viewer", "/api/conferences/" + CID + "/roster?asOf=" + asOf);
        List<String> names = new ArrayList<>();
        roster.body().path("liaisons").forEach(l -> {
            if (l.path("unitCode").asText().equals(unitCode)) {
                names.add(l.path("name").asText());
            }
        });
        return names;
    }

    @Test
    void aMultipartBodyIsA415ProblemNotA500() {
        String office = "Basic " + Base64.getEncoder().encodeToString("office:demo".getBytes(StandardCharsets.UTF_8));
        byte[] multipart = "--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n1\r\n--x--\r\n"
                .getBytes(StandardCharsets.UTF_8);
        for (String path : List.of("/api/tasks", "/api/tasks/any/urgings", "/api/meetings")) {
            var response = api.raw("POST", path, multipart, "multipart/form-data; boundary=x", office);
            assertThat(response.status()).as(path + " " + response.raw()).isEqualTo(415);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        var form = api.raw(
                "PUT",
                "/api/conferences/" + CID + "/units/education/liaison",
                "name=x".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded",
                office);
        assertThat(form.status()).isEqualTo(415);
    }

    @Test
    void metricsAreForOperatorsAndHealthDetailsToo() {
        for (String path : List.of("/actuator/metrics", "/actuator/prometheus")) {
            assertThat(api.get("viewer", path).status()).as(path).isEqualTo(403);
            assertThat(api.get("unit-education", path).status()).as(path).isEqualTo(403);
            assertThat(api.get("office", path).status()).as(path).isEqualTo(403);
            assertThat(api.get("admin", path).status()).as(path).isEqualTo(200);
            assertThat(api.get("auditor", path).status()).as(path).isEqualTo(200);
        }
        assertThat(api.get("viewer", "/actuator/health").body().has("components"))
                .isFalse();
        assertThat(api.get("admin", "/actuator/health").body().has("components"))
                .isTrue();
    }

    @Test
    void cookiesAreSameSiteAndSecureBehindATlsProxy() throws Exception {
        for (String proto : List.of("http", "https")) {
            HttpClient client = HttpClient.newHttpClient(); // no cookie jar: every Set-Cookie is seen
            String address = newAddress();
            HttpResponse<String> page = send(
                    client,
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Accept", "text/html")
                            .header("X-Forwarded-For", address)
                            .header("X-Forwarded-Proto", proto));
            List<String> setCookies = new ArrayList<>(page.headers().allValues("Set-Cookie"));
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
            assertThat(token.find()).isTrue();
            String cookieHeader = String.join(
                    "; ",
                    setCookies.stream().map(c -> c.substring(0, c.indexOf(';'))).toList());
            HttpResponse<String> signIn = send(
                    client,
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "text/html")
                            .header("X-Forwarded-For", address)
                            .header("X-Forwarded-Proto", proto)
                            .header("Cookie", cookieHeader)
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "username=viewer&password=demo&_csrf=" + token.group(1))));
            assertThat(signIn.statusCode()).isEqualTo(302);
            setCookies.addAll(signIn.headers().allValues("Set-Cookie"));
            assertThat(setCookies).as(proto).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID="));
            for (String cookie : setCookies) {
                assertThat(cookie).as(proto).containsIgnoringCase("SameSite=Lax");
                if (proto.equals("https")) {
                    assertThat(cookie).contains("Secure");
                } else {
                    assertThat(cookie).doesNotContain("Secure");
                }
                if (cookie.startsWith("JSESSIONID=")) {
                    assertThat(cookie).contains("HttpOnly");
                }
            }
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersRejectedPathsToo() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/api/me", "/api/tasks;jsessionid=x", "/api/%2e%2e/tasks")) {
            HttpResponse<String> response = send(client, basic(path, "viewer", "demo", newAddress()));
            assertThat(response.statusCode()).as(path).isLessThan(500);
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(path)
                    .contains("same-origin");
            assertThat(response.headers().firstValue("Permissions-Policy"))
                    .as(path)
                    .isPresent();
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .isPresent();
        }
    }
}
