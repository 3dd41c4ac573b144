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

    public enum InProcessStore {
        FILE,
        MEMORY
    }

    private InProcessStore inProcessStore = InProcessStore.FILE;
    /**
     * The FILE store's page cache in MB (H2 MVStore's own measure; the heap it takes is about three times
     * that). Any filter other than {@code _id} reads the whole collection on the in-process server, from
     * this cache or, when the collection does not fit, by deserializing every document again: at 100k
     * tasks a task list took 4 s with H2's default of 16 and 0.4 s with the tasks in the cache.
     */
    private int inProcessCacheMb = 48;

    private String database = "ledger";
    /** How long a generation replaced by a rebuild stays, for reads already under way, before it is dropped. */
    private Duration retiredGenerationGrace = Duration.ofSeconds(30);

    public InProcessStore getInProcessStore() {
        return inProcessStore;
    }

    public void setInProcessStore(InProcessStore inProcessStore) {
        this.inProcessStore = inProcessStore;
    }

    public int getInProcessCacheMb() {
        return inProcessCacheMb;
    }

    public void setInProcessCacheMb(int inProcessCacheMb) {
        this.inProcessCacheMb = inProcessCacheMb;
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
