package cn.qinghai.ledger.query.live;

import cn.qinghai.ledger.query.platform.StreamLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.live.*}: the bounds of the live read-model streams ({@code /api/live/**}; see
 * {@link StreamLimits}, {@code max-streams} 64). After the stream timeout the browser reconnects and
 * gets a fresh view.
 */
@ConfigurationProperties("ledger.live")
public class LiveProperties extends StreamLimits {

    public LiveProperties() {
        super(64);
    }
}
