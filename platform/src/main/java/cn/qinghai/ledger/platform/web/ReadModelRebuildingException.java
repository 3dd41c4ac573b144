package cn.qinghai.ledger.platform.web;

import java.time.Duration;

/**
 * A read that a read model cannot answer yet: what it keeps was written by an earlier version of the
 * service (another stored format, other rules, another time zone) and it is being rebuilt from the event
 * store. Answered {@code 503} with {@code Retry-After} and the problem type {@code read-model-rebuilding};
 * nothing is wrong with the request, and the same request succeeds once the rebuild has switched over.
 */
public class ReadModelRebuildingException extends RuntimeException {

    /** How long a client is asked to wait before it asks again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final String readModel;

    public ReadModelRebuildingException(String readModel, String why) {
        super("the " + readModel + " is being rebuilt from the event store (" + why + "); retry later");
        this.readModel = readModel;
    }

    public String readModel() {
        return readModel;
    }
}
