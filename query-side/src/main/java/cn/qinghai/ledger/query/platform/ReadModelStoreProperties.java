package cn.qinghai.ledger.query.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.read-model.*}: where the read models live when no MongoDB is configured
 * ({@code spring.data.mongodb.uri} unset): an in-process MongoDB wire-protocol server whose data is an
 * H2 file under the data directory ({@code FILE}, the embedded default) or memory ({@code MEMORY},
 * tests).
 */
@ConfigurationProperties("ledger.read-model")
public class ReadModelStoreProperties {

    public enum InProcessStore { FILE, MEMORY }

    private InProcessStore inProcessStore = InProcessStore.FILE;
    private String database = "ledger";

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
}
