package cn.qinghai.ledger.query.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.read-model.*}: where the read models live when no MongoDB is configured
 * ({@code spring.data.mongodb.uri} unset): an in-process MongoDB wire-protocol server whose data is an
 * H2 file under the data directory ({@code FILE}, the embedded default) or memory ({@code MEMORY},
 * tests); and how long a generation replaced by a rebuild is kept ({@link ReadModelGenerations}).
 */
@ConfigurationProperties("ledger.read-model")
public class ReadModelStoreProperties {

    public enum InProcessStore { FILE, MEMORY }

    private InProcessStore inProcessStore = InProcessStore.FILE;
    private String database = "ledger";
    /** How long a generation replaced by a rebuild stays, for reads already under way, before it is dropped. */
    private Duration retiredGenerationGrace = Duration.ofSeconds(30);

    public InProcessStore getInProcessStore() {
        return inProcessStore;
    }

    public void setInProcessStore(InProcessStore inProcessStore) {
        this.inProcessStore = inProcessStore;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public Duration getRetiredGenerationGrace() {
        return retiredGenerationGrace;
    }

    public void setRetiredGenerationGrace(Duration retiredGenerationGrace) {
        this.retiredGenerationGrace = retiredGenerationGrace;
    }
}
