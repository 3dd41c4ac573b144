package cn.qinghai.ledger.query.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.live.*}: the bounds of the live read-model streams ({@code /api/live/**}):
 * {@code heartbeat} (15 s) between comments when nothing changed, {@code stream-timeout} (30 min)
 * after which the browser reconnects and gets a fresh view, {@code max-streams} (64) and
 * {@code max-streams-per-user} (4) open at once.
 */
@ConfigurationProperties("ledger.live")
public class LiveProperties {

    private Duration heartbeat = Duration.ofSeconds(15);
    private Duration streamTimeout = Duration.ofMinutes(30);
    private int maxStreams = 64;
    private int maxStreamsPerUser = 4;

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
}
