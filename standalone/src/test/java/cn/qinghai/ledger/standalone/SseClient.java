package cn.qinghai.ledger.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server-sent-events client for end-to-end tests, on java.net.http: it parses the stream's lines
 * into events ({@code id}, {@code event}, {@code data}) and counts comments (heartbeats); closing it
 * cancels the body, which closes the connection as a browser tab that goes away would.
 */
final class SseClient implements AutoCloseable {

    record Event(String id, String name, String data) {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final int status;
    final String contentType;
    final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    final AtomicInteger comments = new AtomicInteger();
    final StringBuffer raw = new StringBuffer();
    /** Counted down when the server ends the stream (or the connection fails). */
    final CountDownLatch ended = new CountDownLatch(1);

    private volatile Flow.Subscription subscription;

    private SseClient(HttpResponse.ResponseInfo info) {
        this.status = info.statusCode();
        this.contentType = info.headers().firstValue("Content-Type").orElse("");
    }

    /** Opens {@code path} as {@code user} (password demo), with a {@code Last-Event-ID} when not null. */
    static SseClient open(int port, String user, String path, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        CompletableFuture<SseClient> opened = new CompletableFuture<>();
        HTTP.sendAsync(request.build(), info -> {
                    SseClient client = new SseClient(info);
                    opened.complete(client);
                    return HttpResponse.BodySubscribers.fromLineSubscriber(client.new Lines());
                })
                .whenComplete((response, error) -> {
                    if (error != null) {
                        opened.completeExceptionally(error);
                    }
                });
        try {
            return opened.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not open " + path, e);
        }
    }

    /** The next {@code count} events, waiting at most {@code timeout} for all of them. */
    List<Event> take(int count, Duration timeout) throws InterruptedException {
        List<Event> taken = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (taken.size() < count) {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError(
                        "received " + taken.size() + " of " + count + " events within " + timeout + ": " + taken);
            }
            taken.add(event);
        }
        return taken;
    }

    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    /** Assembles events from the stream's lines (the WHATWG rules, as far as these tests need them). */
    private final class Lines implements Flow.Subscriber<String> {
        private String id;
        private String name;
        private StringBuilder data;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            raw.append(line).append('\n');
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(new Event(id, name, data.toString()));
                }
                name = null;
                data = null;
                return;
            }
            if (line.startsWith(":")) {
                comments.incrementAndGet();
                return;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "id" -> id = value;
                case "event" -> name = value;
                case "data" ->
                    data = data == null
                            ? new StringBuilder(value)
                            : data.append('\n').append(value);
                default -> {
                    // retry and unknown fields
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            ended.countDown();
        }

        @Override
        public void onComplete() {
            ended.countDown();
        }
    }
}
