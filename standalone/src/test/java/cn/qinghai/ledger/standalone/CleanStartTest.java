package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A clean start logs nothing an operator must learn to ignore: no WARN and no ERROR line from starting on
 * the embedded default with the seed conference, nor from a viewer who signs out of the dashboard while
 * its live stream is open.
 */
@ExtendWith(OutputCaptureExtension.class)
class CleanStartTest {

    static final Pattern LEVEL = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\s", Pattern.MULTILINE);

    @TempDir
    Path dataDir;

    @Test
    void startingAndAViewerSigningOutLogNoWarningOrError(CapturedOutput output) throws Exception {
        // Started and stopped inside the test, so that the captured output holds both.
        try (StandaloneLedger ledger = StandaloneLedger.on(dataDir)
                .properties("ledger.live.heartbeat=PT0.3S")
                .start()) {
            String base = ledger.base();

            CookieManager cookies = new CookieManager();
            HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
            String page = browser.send(
                            HttpRequest.newBuilder(URI.create(base + "/login"))
                                    .header("Accept", "text/html")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(token.find()).isTrue();
            var signedIn = browser.send(
                    form(base + "/login", "username=viewer&password=demo&_csrf=" + token.group(1)),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(browser.send(
                                    HttpRequest.newBuilder(URI.create(base + "/api/me"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);

            // The board's live stream stays open while the viewer signs out, as a dashboard tab would.
            CompletableFuture<HttpResponse<Void>> stream = browser.sendAsync(
                    HttpRequest.newBuilder(URI.create(base + "/api/live/units"))
                            .header("Accept", "text/event-stream")
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            Thread.sleep(1000);
            String xsrf = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElseThrow();
            var signedOut =
                    browser.send(form(base + "/logout", "_csrf=" + xsrf), HttpResponse.BodyHandlers.discarding());
            assertThat(signedOut.statusCode()).isEqualTo(302);
            Thread.sleep(Duration.ofSeconds(2).toMillis()); // heartbeats written after the sign-out
            stream.cancel(true);
        }
        List<String> flagged = LEVEL.matcher(output.getAll())
                .results()
                .map(r -> lineAt(output.getAll(), r.start()))
                .toList();
        assertThat(flagged).as("WARN or ERROR lines of a clean start").isEmpty();
    }

    static HttpRequest form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    static String lineAt(String text, int start) {
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
