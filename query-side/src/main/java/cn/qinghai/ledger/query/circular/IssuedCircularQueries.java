package cn.qinghai.ledger.query.circular;

import static cn.qinghai.ledger.query.platform.MongoWrites.date;

import cn.qinghai.ledger.events.circular.FindIssuedCircularQuery;
import cn.qinghai.ledger.events.circular.FindIssuedCircularsQuery;
import cn.qinghai.ledger.events.circular.IssuedCircularList;
import cn.qinghai.ledger.events.circular.IssuedCircularRow;
import cn.qinghai.ledger.events.circular.IssuedCircularView;
import cn.qinghai.ledger.events.task.CircularView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Issued circulars (通报) as {@link IssuedCircularProjection} recorded them: a list, and one with its figures. */
@Component
public class IssuedCircularQueries {

    private final MongoCollection<Document> issued;
    private final ObjectMapper json;

    public IssuedCircularQueries(@Qualifier("readModelDatabase") MongoDatabase readModelDatabase, ObjectMapper json) {
        this.issued = IssuedCircularProjection.collection(readModelDatabase);
        this.json = json;
    }

    @QueryHandler
    public IssuedCircularList handle(FindIssuedCircularsQuery query) {
        Document filter =
                query.conferenceId() == null ? new Document() : new Document("conferenceId", query.conferenceId());
        List<IssuedCircularRow> rows = new ArrayList<>();
        for (Document d : issued.find(filter)
                .projection(new Document("figures", 0).append("corrections", 0))
                .sort(Sorts.orderBy(Sorts.descending("issuedOn"), Sorts.descending("documentNo")))) {
            rows.add(new IssuedCircularRow(
                    d.getString("_id"),
                    d.getString("conferenceId"),
                    d.getString("documentNo"),
                    date(d, "from"),
                    date(d, "to"),
                    date(d, "issuedOn"),
                    date(d, "correctedOn")));
        }
        return new IssuedCircularList(rows);
    }

    @QueryHandler
    public Optional<IssuedCircularView> handle(FindIssuedCircularQuery query) {
        Document d = issued.find(new Document("_id", query.circularId())).first();
        if (d == null) {
            return Optional.empty();
        }
        Document figures = d.get("figures", Document.class);
        return Optional.of(new IssuedCircularView(
                d.getString("_id"),
                d.getString("conferenceId"),
                d.getString("documentNo"),
                date(d, "from"),
                date(d, "to"),
                date(d, "issuedOn"),
                d.getList("distribution", String.class),
                d.getString("commendation"),
                d.getString("urging"),
                figures == null ? null : read(figures),
                d.getList("corrections", Document.class, List.of()).stream()
                        .map(c -> new IssuedCircularView.Correction(
                                c.getInteger("correction", 0),
                                date(c, "correctedOn"),
                                c.getString("reason"),
                                c.getList("distribution", String.class),
                                c.getString("commendation"),
                                c.getString("urging"),
                                read(c.get("figures", Document.class))))
                        .toList()));
    }

    private CircularView read(Document figures) {
        try {
            return json.readValue(figures.toJson(), CircularView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not read the figures of a circular", e);
        }
    }
}
