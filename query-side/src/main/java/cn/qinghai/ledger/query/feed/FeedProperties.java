package cn.qinghai.ledger.query.feed;

import cn.qinghai.ledger.query.platform.StreamLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.feed.*}: the bounds of the event feed's server-sent streams ({@link StreamLimits};
 * {@code max-streams} 16, each holds one thread; the client reconnects with {@code Last-Event-ID} and
 * loses nothing), and {@code gap-grace} (10 s): how long an event waits for a lower position that the
 * store has handed out but not yet committed (see {@link FeedWindow}).
 */
@ConfigurationProperties("ledger.feed")
public class FeedProperties extends StreamLimits {

    private Duration gapGrace = Duration.ofSeconds(10);

    public FeedProperties() {
        super(16);
    }

    public Duration getGapGrace() {
        return gapGrace;
    }

    public void setGapGrace(Duration gapGrace) {
        this.gapGrace = gapGrace;
    }
}
