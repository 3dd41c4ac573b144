package cn.qinghai.ledger.query.platform;

import java.time.Duration;

/**
 * The bounds every server-sent-event stream family shares ({@code ledger.feed.*}, {@code ledger.live.*}):
 * {@code heartbeat} (15 s), a comment when nothing was sent for this long, so proxies keep the connection
 * and a vanished client is noticed; {@code stream-timeout} (30 min), after which the client reconnects;
 * {@code max-streams}, {@code max-streams-per-user} (4) and {@code max-share-per-role} (50, percent of
 * {@code max-streams} that the users of one role may hold together), the admission limits of {@link StreamSlots}.
 */
public abstract class StreamLimits {

    private Duration heartbeat = Duration.ofSeconds(15);
    private Duration streamTimeout = Duration.ofMinutes(30);
    private int maxStreams;
    private int maxStreamsPerUser = 4;
    private int maxSharePerRole = 50;

    protected StreamLimits(int defaultMaxStreams) {
        this.maxStreams = defaultMaxStreams;
    }

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

    public int getMaxSharePerRole() {
        return maxSharePerRole;
    }

    public void setMaxSharePerRole(int maxSharePerRole) {
        if (maxSharePerRole < 1 || maxSharePerRole > 100) {
            throw new IllegalArgumentException("max-share-per-role is a percentage from 1 to 100: " + maxSharePerRole);
        }
        this.maxSharePerRole = maxSharePerRole;
    }
}
