package cn.qinghai.ledger.query.circular;

import static com.mongodb.client.model.Filters.eq;

import cn.qinghai.ledger.events.circular.FindIssuedCircularQuery;
import cn.qinghai.ledger.events.circular.FindIssuedCircularsQuery;
import cn.qinghai.ledger.events.circular.IssuedCircularList;
import cn.qinghai.ledger.events.circular.IssuedCircularRow;
import cn.qinghai.ledger.events.circular.IssuedCircularView;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelGenerations;
import cn.qinghai.ledger.query.platform.ReadModelOrigin;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Issued circulars (通报) as {@link IssuedCircularProjection} recorded them: a list, and one with its figures. */
@Component
public class IssuedCircularQueries {

    private final ReadModelCollections collections;
    private final ReadModelOrigin origin = IssuedCircularDocument.origin();

    /** Reads the generation that serves readers (it follows a rebuild's switch). */
    @Autowired
    public IssuedCircularQueries(ReadModelGenerations generations) {
        this.collections = generations.live(IssuedCircularProjection.GROUP);
    }

    /** Reads a plain read model in {@code db}, for tests. */
    public IssuedCircularQueries(MongoDatabase readModelDatabase) {
        this.collections = ReadModelCollections.plain(readModelDatabase);
    }

    /** Latest first. */
    @QueryHandler
    public IssuedCircularList handle(FindIssuedCircularsQuery query) {
        Bson filter = query.conferenceId() == null ? new Document() : eq("conferenceId", query.conferenceId());
        List<IssuedCircularRow> rows = new ArrayList<>();
        for (IssuedCircularDocument d : issued().find(filter)
                .sort(Sorts.orderBy(Sorts.descending("issuedOn"), Sorts.descending("documentNo")))) {
            rows.add(new IssuedCircularRow(
                    d.id(), d.conferenceId(), d.documentNo(), d.from(), d.to(), d.issuedOn(), d.correctedOn()));
        }
        return new IssuedCircularList(rows);
    }

    @QueryHandler
    public Optional<IssuedCircularView> handle(FindIssuedCircularQuery query) {
        return Optional.ofNullable(issued().find(eq("_id", query.circularId())).first())
                .map(d -> new IssuedCircularView(
                        d.id(),
                        d.conferenceId(),
                        d.documentNo(),
                        d.from(),
                        d.to(),
                        d.issuedOn(),
                        d.distribution(),
                        d.commendation(),
                        d.urging(),
                        d.figures(),
                        (d.corrections() == null ? List.<IssuedCircularDocument.Correction>of() : d.corrections())
                                .stream()
                                        .map(c -> new IssuedCircularView.Correction(
                                                c.correction(),
                                                c.correctedOn(),
                                                c.reason(),
                                                c.distribution(),
                                                c.commendation(),
                                                c.urging(),
                                                c.figures()))
                                        .toList()));
    }

    /** The circulars that serve, refused while an earlier version's are being rebuilt. */
    private MongoCollection<IssuedCircularDocument> issued() {
        return IssuedCircularDocument.collection(origin.require(collections));
    }
}
