package cn.qinghai.ledger.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HTTP client of the ledger's REST API: its own connection, HTTP Basic as the demo users (password
 * {@code demo}), as a service calling the API would. Not thread-safe by intent: one per simulated client.
 */
final class Api {

    record Response(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private static final Map<String, String> AUTH = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final int port;
    private final String base;

    Api(int port) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    Response get(String user, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), user);
    }

    Response post(String user, String path, String json) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
                user);
    }

    private Response send(HttpRequest.Builder request, String user) {
        request.timeout(Duration.ofSeconds(120));
        request.header(
                "Authorization",
                AUTH.computeIfAbsent(
                        user,
                        u -> "Basic "
                                + Base64.getEncoder().encodeToString((u + ":demo").getBytes(StandardCharsets.UTF_8))));
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
