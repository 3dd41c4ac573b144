package cn.qinghai.ledger.query.platform;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** An in-memory MongoDB wire-protocol server and a real driver connected to it, for projection tests. */
public final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    public final MongoDatabase db;

    public InMemoryMongo() {
        server = new MongoServer(SortedPages.memory());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        db = client.getDatabase("test");
    }

    /** Every document of the collections, sorted by id: equal snapshots mean nothing changed. */
    public List<Document> snapshot(String... collections) {
        List<Document> all = new ArrayList<>();
        for (String name : collections) {
            db.getCollection(name).find().sort(new Document("_id", 1)).into(all);
        }
        return all;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
