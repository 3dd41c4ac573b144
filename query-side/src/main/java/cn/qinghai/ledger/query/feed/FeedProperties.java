package cn.qinghai.ledger.query.feed;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.feed.*}: the bounds of the event feed's server-sent streams.
 * <ul>
 * <li>{@code heartbeat} (15 s): an SSE comment when no event was sent for this long, so proxies keep the
 * connection and a vanished client is noticed (the write fails) and its stream ends.</li>
 * <li>{@code stream-timeout} (30 min): a stream is closed after this long; the client reconnects with
 * {@code Last-Event-ID} and loses nothing.</li>
 * <li>{@code max-streams} (16) and {@code max-streams-per-user} (4): concurrent streams (each holds one
 * thread); beyond them a new stream is refused with 503 or 429 and {@code Retry-After}.</li>
 * <li>{@code gap-grace} (10 s): how long an event waits for a lower position that the store has handed out
 * but not yet committed (see {@link FeedWindow}).</li>
 * </ul>
 */
@ConfigurationProperties("ledger.feed")
public class FeedProperties {

    private Duration heartbeat = Duration.ofSeconds(15);
    private Duration streamTimeout = Duration.ofMinutes(30);
    private int maxStreams = 16;
    private int maxStreamsPerUser = 4;
    private Duration gapGrace = Duration.ofSeconds(10);

    public Duration getHeartbeat() {
        return heartbeat;
    }

    public void setHeartbeat(Duration heartbeat) {
        this.heartbeat = heartbeat;
    }

    public Duration getStreamTimeout() {
        return streamTimeout;
    }

    public void setStreamTimeout(Duration streamTimeout) {
        this.streamTimeout = streamTimeout;
    }

    public int getMaxStreams() {
        return maxStreams;
    }

    public void setMaxStreams(int maxStreams) {
        this.maxStreams = maxStreams;
    }

    public int getMaxStreamsPerUser() {
        return maxStreamsPerUser;
    }

    public void setMaxStreamsPerUser(int maxStreamsPerUser) {
        this.maxStreamsPerUser = maxStreamsPerUser;
    }

    public Duration getGapGrace() {
        return gapGrace;
    }

    public void setGapGrace(Duration gapGrace) {
        this.gapGrace = gapGrace;
    }
}
