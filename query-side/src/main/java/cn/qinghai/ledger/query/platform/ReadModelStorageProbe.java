package cn.qinghai.ledger.query.platform;

import static com.mongodb.client.model.Filters.eq;

import cn.qinghai.ledger.platform.storage.StorageProbe;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.util.Date;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The read-model store (MongoDB, or the in-process server): one document of {@code storage_probe} is
 * replaced. The read models, their tokens and the dead letters live there; when it cannot write, the
 * projections stop advancing, and the {@code storage} health component says why.
 */
@Component
class ReadModelStorageProbe implements StorageProbe {

    private final MongoCollection<Document> probes;
    private final Clock clock;

    ReadModelStorageProbe(MongoDatabase readModelDatabase, Clock clock) {
        this.probes = readModelDatabase.getCollection("storage_probe");
        this.clock = clock;
    }

    @Override
    public String name() {
        return "readModels";
    }

    @Override
    public void probe() {
        probes.replaceOne(
                eq("_id", "probe"),
                new Document("_id", "probe").append("at", Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
    }
}
