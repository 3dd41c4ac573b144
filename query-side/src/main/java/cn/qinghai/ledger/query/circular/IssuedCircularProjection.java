package cn.qinghai.ledger.query.circular;

import static cn.qinghai.ledger.query.platform.MongoWrites.date;
import static cn.qinghai.ledger.query.platform.MongoWrites.insertOnce;

import cn.qinghai.ledger.events.circular.CircularIssuedEvent;
import cn.qinghai.ledger.events.task.CircularView;
import cn.qinghai.ledger.events.task.FindCircularQuery;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Issued circulars (通报), one document each: what the office issued (number, period, distribution,
 * commendation and urging) and the circular's statistics of the period as they stood when this projection
 * recorded the issue, which the document keeps from then on (docs/adr/0014-issued-circular-figures.md).
 *
 * <p>Written once: a redelivered event, or the processor reset by an operator, finds the document and
 * changes nothing, so the figures as issued are never recounted. For the same reason this projection is not
 * rebuilt beside its serving copy ({@code ReplayableProjection}): a rebuild would recount the figures from
 * today's task read model.
 */
@Component
@ProcessingGroup(IssuedCircularProjection.GROUP)
public class IssuedCircularProjection {

    public static final String GROUP = "circulars";
    static final String ISSUED = "issued_circulars";

    private final MongoCollection<Document> issued;
    private final CircularQueries statistics;
    private final ObjectMapper json;

    public IssuedCircularProjection(@Qualifier("readModelDatabase") MongoDatabase readModelDatabase,
                                    CircularQueries statistics, ObjectMapper json) {
        this.issued = readModelDatabase.getCollection(ISSUED);
        this.statistics = statistics;
        this.json = json;
        issued.createIndex(Indexes.ascending("conferenceId", "issuedOn"));
    }

    static MongoCollection<Document> collection(MongoDatabase readModelDatabase) {
        return readModelDatabase.getCollection(ISSUED);
    }

    @EventHandler
    public void on(CircularIssuedEvent e) {
        if (issued.countDocuments(new Document("_id", e.circularId())) > 0) {
            return; // recorded, with its figures, when first handled
        }
        CircularView figures = statistics.handle(new FindCircularQuery(e.conferenceId(), e.from(), e.to()));
        insertOnce(issued, e.circularId(), new Document("conferenceId", e.conferenceId())
                .append("documentNo", e.documentNo())
                .append("from", date(e.from()))
                .append("to", date(e.to()))
                .append("issuedOn", date(e.issuedOn()))
                .append("distribution", e.distribution() == null ? List.of() : List.copyOf(e.distribution()))
                .append("commendation", e.commendation())
                .append("urging", e.urging())
                .append("figures", Document.parse(write(figures))));
    }

    private String write(CircularView figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not keep the figures of a circular", e);
        }
    }
}
