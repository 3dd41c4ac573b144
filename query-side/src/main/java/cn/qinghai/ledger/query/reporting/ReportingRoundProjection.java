package cn.qinghai.ledger.query.reporting;

import static com.mongodb.client.model.Filters.eq;

import cn.qinghai.ledger.events.LedgerMetaData;
import cn.qinghai.ledger.events.reporting.*;
import cn.qinghai.ledger.query.platform.ReadModelCodecs;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelGenerations;
import cn.qinghai.ledger.query.platform.ReplayableProjection;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The reporting rounds read model (报送轮次): one {@link ReportingRoundDocument} per round, everything from the
 * round's own events (the expected units' names come with the opening), so it is rebuilt from the event store
 * alone. Idempotent: the document remembers the sequence number of the last event of its round applied to it
 * and ignores older ones; events of one round arrive in order.
 */
@Component
@ProcessingGroup(ReportingRoundProjection.GROUP)
public class ReportingRoundProjection implements ReplayableProjection {

    public static final String GROUP = "reporting";
    static final String ROUNDS = "reporting_rounds";

    private final ReadModelCollections collections;

    /** The live read model: the generation that serves readers. */
    @Autowired
    public ReportingRoundProjection(ReadModelGenerations generations) {
        this(generations.live(GROUP));
    }

    /** A plain read model in {@code db} (generation 1), for tests. */
    public ReportingRoundProjection(MongoDatabase readModelDatabase) {
        this(ReadModelCollections.plain(readModelDatabase));
    }

    ReportingRoundProjection(ReadModelCollections collections) {
        this.collections = collections;
        collections.ensureIndexes(ROUNDS, Indexes.ascending("conferenceId", "openedOn"));
    }

    /** The rounds as typed documents, in the binding's generation. */
    static MongoCollection<ReportingRoundDocument> rounds(ReadModelCollections collections) {
        return ReadModelCodecs.typed(collections.get(ROUNDS), ReportingRoundDocument.class);
    }

    @Override
    public String processingGroup() {
        return GROUP;
    }

    @Override
    public List<String> collections() {
        return List.of(ROUNDS);
    }

    @Override
    public Object bindTo(ReadModelCollections target) {
        return new ReportingRoundProjection(target);
    }

    @EventHandler
    public void on(ReportingRoundOpenedEvent e, @SequenceNumber long seq) {
        ReportingRoundDocument current = find(e.roundId());
        if (current != null && current.seq() >= seq) {
            return;
        }
        List<ReportingRoundDocument.Unit> units = e.expectedUnits().stream()
                .map(u -> new ReportingRoundDocument.Unit(
                        u.unitCode(),
                        u.unitName(),
                        e.openedOn(),
                        List.<ReportingRoundDocument.Submission>of(),
                        List.<ReportingRoundDocument.Urging>of()))
                .toList();
        save(new ReportingRoundDocument(
                e.roundId(),
                e.conferenceId(),
                e.kind().name(),
                e.period(),
                e.periodLabel(),
                e.dueDate(),
                e.requirements(),
                e.openedOn(),
                true,
                null,
                List.of(),
                units,
                seq));
    }

    @EventHandler
    public void on(ExpectedUnitAddedEvent e, @SequenceNumber long seq) {
        change(e.roundId(), seq, round -> {
            List<ReportingRoundDocument.Unit> units = new ArrayList<>(round.units());
            units.add(new ReportingRoundDocument.Unit(
                    e.unit().unitCode(), e.unit().unitName(), e.addedOn(), List.of(), List.of()));
            return round.withUnits(units, seq);
        });
    }

    @EventHandler
    public void on(
            WorkReportSubmittedEvent e, @SequenceNumber long seq, @MetaDataValue(LedgerMetaData.ACTOR) String actor) {
        change(
                e.roundId(),
                seq,
                round -> round.withUnits(
                        round.changeUnit(e.unitCode(), u -> {
                            List<ReportingRoundDocument.Submission> submissions = new ArrayList<>(u.submissions());
                            submissions.add(new ReportingRoundDocument.Submission(
                                    e.submission(),
                                    e.text(),
                                    e.documentRef(),
                                    e.submittedAt().toInstant(),
                                    e.submittedOn(),
                                    e.late(),
                                    actor));
                            return new ReportingRoundDocument.Unit(
                                    u.unitCode(), u.unitName(), u.expectedSince(), submissions, u.urgings());
                        }),
                        seq));
    }

    @EventHandler
    public void on(
            WorkReportUrgedEvent e,
            @SequenceNumber long seq,
            @MetaDataValue(LedgerMetaData.ACTOR) String actor,
            @MetaDataValue(LedgerMetaData.ACTOR_ROLE) String actorRole) {
        change(
                e.roundId(),
                seq,
                round -> round.withUnits(
                        round.changeUnit(e.unitCode(), u -> {
                            List<ReportingRoundDocument.Urging> urgings = new ArrayList<>(u.urgings());
                            urgings.add(new ReportingRoundDocument.Urging(
                                    e.message(), e.urgedAt().toInstant(), actor, actorRole));
                            return new ReportingRoundDocument.Unit(
                                    u.unitCode(), u.unitName(), u.expectedSince(), u.submissions(), urgings);
                        }),
                        seq));
    }

    @EventHandler
    public void on(ReportingRoundClosedEvent e, @SequenceNumber long seq) {
        change(e.roundId(), seq, round -> round.closed(e.closedOn(), List.copyOf(e.notReported()), seq));
    }

    private void change(String roundId, long seq, Function<ReportingRoundDocument, ReportingRoundDocument> change) {
        ReportingRoundDocument current = find(roundId);
        if (current == null) {
            throw new IllegalStateException("no reporting round " + roundId + " for event " + seq + " of it");
        }
        if (current.seq() >= seq) {
            return; // a redelivery (MongoWrites.seen)
        }
        save(change.apply(current));
    }

    private ReportingRoundDocument find(String roundId) {
        return rounds(collections).find(eq("_id", roundId)).first();
    }

    private void save(ReportingRoundDocument round) {
        rounds(collections).replaceOne(eq("_id", round.id()), round, new ReplaceOptions().upsert(true));
    }
}
