package cn.qinghai.ledger.query.circular;

import static cn.qinghai.ledger.query.platform.MongoWrites.date;
import static cn.qinghai.ledger.query.platform.MongoWrites.insertOnce;

import cn.qinghai.ledger.events.circular.CircularCorrectedEvent;
import cn.qinghai.ledger.events.circular.CircularIssuedEvent;
import cn.qinghai.ledger.events.task.CircularView;
import cn.qinghai.ledger.query.platform.ReadModelStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Issued circulars (通报), one document each, exactly as its event records it: number, period, distribution,
 * commendation, urging and the figures as issued (docs/adr/0014-issued-circular-figures.md). Written once:
 * a redelivered event finds the document and changes nothing. Everything comes from the event, so the
 * documents follow from the event store alone.
 */
@Component
@ProcessingGroup(IssuedCircularProjection.GROUP)
public class IssuedCircularProjection {

    public static final String GROUP = "circulars";
    static final String ISSUED = "issued_circulars";

    private final MongoCollection<Document> issued;
    private final ObjectMapper json;

    public IssuedCircularProjection(
            @Qualifier("readModelDatabase") MongoDatabase readModelDatabase, ObjectMapper json, ReadModelStore store) {
        this.issued = readModelDatabase.getCollection(ISSUED);
        this.json = json;
        store.ensureIndexes(issued, Indexes.ascending("conferenceId", "issuedOn"));
    }

    static MongoCollection<Document> collection(MongoDatabase readModelDatabase) {
        return readModelDatabase.getCollection(ISSUED);
    }

    @EventHandler
    public void on(CircularIssuedEvent e) {
        if (issued.countDocuments(new Document("_id", e.circularId())) > 0) {
            return; // recorded when first handled
        }
        insertOnce(
                issued,
                e.circularId(),
                new Document("conferenceId", e.conferenceId())
                        .append("documentNo", e.documentNo())
                        .append("from", date(e.from()))
                        .append("to", date(e.to()))
                        .append("issuedOn", date(e.issuedOn()))
                        .append("distribution", e.distribution() == null ? List.of() : List.copyOf(e.distribution()))
                        .append("commendation", e.commendation())
                        .append("urging", e.urging())
                        .append("figures", Document.parse(write(e.figures()))));
    }

    /**
     * A correction is added to the circular's document once (a redelivery finds its number there); the circular
     * as issued is not touched. {@code correctedOn} is that of the latest correction, for the list.
     */
    @EventHandler
    public void on(CircularCorrectedEvent e) {
        Document correction = new Document("correction", e.correction())
                .append("correctedOn", date(e.correctedOn()))
                .append("reason", e.reason())
                .append("distribution", e.distribution() == null ? List.of() : List.copyOf(e.distribution()))
                .append("commendation", e.commendation())
                .append("urging", e.urging())
                .append("figures", Document.parse(write(e.figures())));
        issued.updateOne(
                Filters.and(Filters.eq("_id", e.circularId()), Filters.ne("corrections.correction", e.correction())),
                Updates.combine(
                        Updates.push("corrections", correction), Updates.set("correctedOn", date(e.correctedOn()))));
    }

    private String write(CircularView figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not keep the figures of a circular", e);
        }
    }
}
