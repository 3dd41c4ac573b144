package cn.qinghai.ledger.query.feed;

import cn.qinghai.ledger.query.platform.StreamLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.feed.*}: the bounds of the event feed's server-sent streams ({@link StreamLimits};
 * {@code max-streams} 16, each holds one thread; the client reconnects with {@code Last-Event-ID} and
 * loses nothing), {@code settle-timeout} (2 s): how long a page waits for the transactions in flight
 * when it finds a position missing (see {@link FeedPages}), and {@code stream-poll} (250 ms): how often
 * an open stream looks for new events once it has sent all there were.
 */
@ConfigurationProperties("ledger.feed")
public class FeedProperties extends StreamLimits {

    private Duration settleTimeout = Duration.ofSeconds(2);
    private Duration streamPoll = Duration.ofMillis(250);

    public FeedProperties() {
        super(16);
    }

    public Duration getSettleTimeout() {
        return settleTimeout;
    }

    public void setSettleTimeout(Duration settleTimeout) {
        this.settleTimeout = settleTimeout;
    }

    public Duration getStreamPoll() {
        return streamPoll;
    }

    public void setStreamPoll(Duration streamPoll) {
        this.streamPoll = streamPoll;
    }
}
