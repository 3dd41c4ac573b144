package cn.qinghai.ledger.query.circular;

import cn.qinghai.ledger.events.task.CircularView;
import cn.qinghai.ledger.query.platform.ReadModelCodecs;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelOrigin;
import com.mongodb.client.MongoCollection;
import java.time.LocalDate;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * An issued circular (通报) as {@value IssuedCircularProjection#ISSUED} keeps it, mapped by the driver's record
 * codec ({@link ReadModelCodecs}): what its event says, the figures as issued (as the event carries them, days
 * as dates), and each correction added once. {@code correctedOn} is that of the latest correction, for the list.
 * Public only because the driver's codec reads its components by reflection.
 */
public record IssuedCircularDocument(
        @BsonId String id,
        String conferenceId,
        String documentNo,
        LocalDate from,
        LocalDate to,
        LocalDate issuedOn,
        List<String> distribution,
        String commendation,
        String urging,
        CircularView figures,
        List<Correction> corrections,
        LocalDate correctedOn) {

    /**
     * The stored format: 2 since the documents are these records (1: hand-built documents, days as ISO text,
     * the figures as their JSON). Raise it whenever a stored document changes shape.
     */
    static final int FORMAT = 2;

    /** One correction (更正) of the circular, as its event says. */
    public record Correction(
            int correction,
            LocalDate correctedOn,
            String reason,
            List<String> distribution,
            String commendation,
            String urging,
            CircularView figures) {}

    /** How a generation records that it was written in this format; a new instance (and memory) each time. */
    static ReadModelOrigin origin() {
        return ReadModelOrigin.of("issued circulars", "issued_circulars_origin", "origin", FORMAT);
    }

    static MongoCollection<IssuedCircularDocument> collection(ReadModelCollections collections) {
        return ReadModelCodecs.typed(collections.get(IssuedCircularProjection.ISSUED), IssuedCircularDocument.class);
    }
}
