package cn.qinghai.ledger.query.circular;

import static cn.qinghai.ledger.query.platform.MongoWrites.insertOnce;

import cn.qinghai.ledger.events.circular.CircularCorrectedEvent;
import cn.qinghai.ledger.events.circular.CircularIssuedEvent;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelGenerations;
import cn.qinghai.ledger.query.platform.ReadModelOrigin;
import cn.qinghai.ledger.query.platform.ReplayableProjection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Issued circulars (通报), one {@link IssuedCircularDocument} each, exactly as its event records it: number,
 * period, distribution, commendation, urging and the figures as issued (docs/adr/0014-issued-circular-figures.md).
 * Written once: a redelivered event finds the document and changes nothing. Everything comes from the events,
 * so the documents follow from the event store alone and are rebuilt like the other read models
 * ({@link ReplayableProjection}), also when an earlier version stored them otherwise.
 */
@Component
@ProcessingGroup(IssuedCircularProjection.GROUP)
public class IssuedCircularProjection implements ReplayableProjection {

    public static final String GROUP = "circulars";
    static final String ISSUED = "issued_circulars";

    private final ReadModelCollections collections;
    private final ReadModelOrigin origin = IssuedCircularDocument.origin();

    /** The live read model: the generation that serves readers. */
    @Autowired
    public IssuedCircularProjection(ReadModelGenerations generations) {
        this(generations.live(GROUP));
    }

    /** A plain read model in {@code db} (generation 1), for tests. */
    public IssuedCircularProjection(MongoDatabase readModelDatabase) {
        this(ReadModelCollections.plain(readModelDatabase));
    }

    IssuedCircularProjection(ReadModelCollections collections) {
        this.collections = collections;
        ensureIndexes();
        origin.recordIfEmpty(collections, ISSUED, Instant.now());
    }

    private void ensureIndexes() {
        collections.ensureIndexes(ISSUED, Indexes.ascending("conferenceId", "issuedOn"));
    }

    @Override
    public String processingGroup() {
        return GROUP;
    }

    @Override
    public List<String> collections() {
        return List.of(ISSUED, origin.collection());
    }

    @Override
    public Object bindTo(ReadModelCollections target) {
        return new IssuedCircularProjection(target);
    }

    /** Whether the circulars this writes (the live binding follows a switch) are stored in this format. */
    @Override
    public boolean upToDate() {
        return origin.isCurrent(collections);
    }

    @EventHandler
    public void on(CircularIssuedEvent e) {
        insertOnce(
                IssuedCircularDocument.collection(collections),
                e.circularId(),
                new IssuedCircularDocument(
                        e.circularId(),
                        e.conferenceId(),
                        e.documentNo(),
                        e.from(),
                        e.to(),
                        e.issuedOn(),
                        list(e.distribution()),
                        e.commendation(),
                        e.urging(),
                        e.figures(),
                        List.of(),
                        null));
    }

    /**
     * A correction is added to the circular's document once (a redelivery finds its number there); the circular
     * as issued is not touched. {@code correctedOn} is that of the latest correction, for the list.
     */
    @EventHandler
    public void on(CircularCorrectedEvent e) {
        var correction = new IssuedCircularDocument.Correction(
                e.correction(),
                e.correctedOn(),
                e.reason(),
                list(e.distribution()),
                e.commendation(),
                e.urging(),
                e.figures());
        IssuedCircularDocument.collection(collections)
                .updateOne(
                        Filters.and(
                                Filters.eq("_id", e.circularId()),
                                Filters.ne("corrections.correction", e.correction())),
                        Updates.combine(
                                Updates.push("corrections", correction), Updates.set("correctedOn", e.correctedOn())));
    }

    @ResetHandler
    public void reset() {
        collections().forEach(name -> collections.get(name).drop());
        ensureIndexes();
        origin.record(collections, Instant.now());
    }

    private static List<String> list(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
