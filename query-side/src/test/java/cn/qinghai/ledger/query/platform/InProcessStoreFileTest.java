package cn.qinghai.ledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process store's file: under the data directory, with the page cache it is configured with. */
class InProcessStoreFileTest {

    @Test
    void theFileStoreLivesInTheDataDirectoryWithTheConfiguredCache(@TempDir Path dataDir) {
        MVStore store = InProcessMongoConfiguration.openFile(dataDir, 7);
        try {
            assertThat(store.getCacheSize()).isEqualTo(7);
            assertThat(store.getFileStore().getFileName()).endsWith("readmodels.mv");
        } finally {
            store.close();
        }
        assertThat(dataDir.resolve("readmodels.mv")).exists();
        assertThat(new ReadModelStoreProperties().getInProcessCacheMb())
                .as("default")
                .isEqualTo(48);
    }
}
