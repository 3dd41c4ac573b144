package cn.qinghai.ledger.query.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ledger.audit.*}: settings of the audit trail and its hash chain. */
@ConfigurationProperties("ledger.audit")
public class AuditProperties {

    /**
     * How old the newest event of a checkpoint must be. With the JPA store a transaction may still
     * commit an event below positions already recorded, which changes the links after it; a minute is
     * far longer than any command's transaction.
     */
    private Duration checkpointSettleTime = Duration.ofMinutes(1);

    public Duration getCheckpointSettleTime() {
        return checkpointSettleTime;
    }

    public void setCheckpointSettleTime(Duration checkpointSettleTime) {
        this.checkpointSettleTime = checkpointSettleTime;
    }
}
