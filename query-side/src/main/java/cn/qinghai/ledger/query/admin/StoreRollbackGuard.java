package cn.qinghai.ledger.query.admin;

import cn.qinghai.ledger.query.audit.AuditTrail;
import cn.qinghai.ledger.query.audit.AuditTrailProjection;
import cn.qinghai.ledger.query.platform.ReadModelStoreProperties;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the read side from staying ahead of the event store. The read models, their tokens and the
 * audit trail record only events the store held; but a store can go back (a crash on a setting that
 * does not make each commit durable, a restored backup), and then they hold events that are gone.
 *
 * <p>At start-up, before any event processor runs ({@link #check()}), the guard compares the store with
 * what the read side recorded: every segment token against the store's head, and the audit trail's
 * newest entry against the event the store holds at its position. If the trail's newest event is gone
 * or replaced, the last position where trail and store still agree is found by bisection (what a store
 * loses is always its newest part). When either check fails the guard
 * <ol>
 *   <li>logs it, and records it in {@value #COLLECTION} (kept for ever; shown by
 *       {@code GET /api/admin/projections} and health);</li>
 *   <li>withdraws the trail's entries above that position ({@link AuditTrail#withdrawAbove}): the
 *       verifier reports them as events gone from the store, not as tampering;</li>
 *   <li>moves every token beyond that position back to it;</li>
 *   <li>once the application is ready, rebuilds each affected projection from the store into a fresh
 *       generation ({@link ProjectionReplays}, one after another: {@link RollbackRebuilds}); health is
 *       {@code OUT_OF_SERVICE} until they are done.</li>
 * </ol>
 * Not detected: a store that went back and was written again beyond the trail's newest entry before
 * this process started, while the trail lagged behind a token; the trail records every event, so this
 * needs a query side down and a command side writing on a restored store at once.
 */
@Component
public class StoreRollbackGuard {

    static final String COLLECTION = "store_rollbacks";
    private static final Logger log = LoggerFactory.getLogger(StoreRollbackGuard.class);

    /** One detection, as recorded. */
    public record StoreRollback(
            String id,
            Instant detectedAt,
            Long storeHead,
            Long trailHead,
            long keptUpTo,
            long trailEntriesWithdrawn,
            List<String> tokensMovedBack,
            List<String> rebuilt,
            String detail) {}

    private final EventStoreProbe store;
    private final AuditTrail trail;
    private final TokenPositions tokens;
    private final MongoCollection<Document> rollbacks;
    private final ObjectProvider<ProjectionReplays> replays;
    private final Clock clock;
    private final RollbackRebuilds rebuilds;
    private final ReadModelOpenMarker openMarker;

    public StoreRollbackGuard(
            EventStore eventStore,
            AuditTrail trail,
            TokenStore tokenStore,
            org.axonframework.extensions.mongo.MongoTemplate axonMongoTemplate,
            @Qualifier("serializer") Serializer serializer,
            MongoDatabase readModelDatabase,
            ObjectProvider<ProjectionReplays> replays,
            Clock clock,
            ObjectProvider<MongoServer> inProcessServer,
            ReadModelStoreProperties properties,
            @Value("${ledger.data-dir:./data}") Path dataDir) {
        this.store = new EventStoreProbe(eventStore);
        this.trail = trail;
        this.tokens = new TokenPositions(axonMongoTemplate.trackingTokensCollection(), serializer, tokenStore);
        this.rollbacks = readModelDatabase.getCollection(COLLECTION);
        this.replays = replays;
        this.clock = clock;
        this.rebuilds = new RollbackRebuilds(replays, rollbacks);
        this.openMarker = new ReadModelOpenMarker(
                inProcessServer.getIfAvailable() != null
                                && properties.getInProcessStore() == ReadModelStoreProperties.InProcessStore.FILE
                        ? dataDir.resolve("readmodels.open")
                        : null,
                clock);
    }

    /**
     * A start after an unclean stop of the in-process FILE store rebuilds every projection from the store
     * ({@link ReadModelOpenMarker} says why).
     */
    private void rebuildAfterUncleanStop() {
        if (openMarker.leftByUncleanStop()) {
            List<String> all = replays.getObject().replayable();
            log.warn(
                    "the in-process read-model store was not closed cleanly (the process was killed); rebuilding"
                            + " {} from the event store",
                    all);
            rebuilds.afterUncleanStop(all);
        }
    }

    /** A clean stop: the in-process store is closed with everything written. */
    @EventListener(ContextClosedEvent.class)
    void closedCleanly() {
        openMarker.removeOnCleanStop();
    }

    /** Compares the read side with the store and repairs what is ahead; runs before the processors start. */
    public void check() {
        checkAgainstStore();
        rebuildAfterUncleanStop();
    }

    private void checkAgainstStore() {
        long storeHead = store.head().orElse(-1);
        Document trailHead = trail.head();
        Long trailHeadPosition = trailHead == null ? null : ((Number) trailHead.get("_id")).longValue();
        Long agreedUpTo = null;
        if (trailHead != null && !store.holds(trailHeadPosition, trailHead.getString("eventId"))) {
            agreedUpTo = lastAgreeingPosition(trailHeadPosition);
        }
        long keepUpTo = agreedUpTo != null ? Math.min(agreedUpTo, storeHead) : storeHead;
        List<TokenPositions.TokenAt> ahead =
                tokens.all().stream().filter(t -> t.position() > keepUpTo).toList();
        if (agreedUpTo == null && ahead.isEmpty()) {
            log.info(
                    "event store and read side agree (store head {}, audit trail head {})",
                    storeHead,
                    trailHeadPosition);
            return;
        }
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        String detail = "the event store went back: its head is " + storeHead + ", but the read side recorded"
                + (agreedUpTo != null
                        ? " audit trail entries up to " + trailHeadPosition + " whose events are gone"
                                + " above position " + agreedUpTo
                        : "")
                + (ahead.isEmpty()
                        ? ""
                        : (agreedUpTo != null ? " and" : "") + " tokens up to position "
                                + ahead.stream()
                                        .mapToLong(TokenPositions.TokenAt::position)
                                        .max()
                                        .orElse(-1));
        log.error(
                "{}; keeping what the store holds up to position {} and rebuilding the rest (incident {})",
                detail,
                keepUpTo,
                id);
        long withdrawn = trail.withdrawAbove(keepUpTo, id, now, detail).size();
        List<String> moved = new ArrayList<>();
        Set<String> groups = new TreeSet<>();
        for (TokenPositions.TokenAt token : ahead) {
            try {
                tokens.moveBack(token, keepUpTo);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while moving tokens back", e);
            }
            moved.add(token.group() + "/" + token.segment() + ": " + token.position() + " -> " + keepUpTo);
            groups.add(token.group());
        }
        groups.remove(AuditTrailProjection.GROUP); // the trail was repaired above; it is never rebuilt
        List<String> toRebuild =
                groups.stream().filter(g -> replays.getObject().isReplayable(g)).toList();
        rollbacks.insertOne(new Document("_id", id)
                .append("detectedAt", Date.from(now))
                .append("storeHead", storeHead)
                .append("trailHead", trailHeadPosition)
                .append("keptUpTo", keepUpTo)
                .append("trailEntriesWithdrawn", withdrawn)
                .append("tokensMovedBack", moved)
                .append("rebuilt", toRebuild)
                .append("detail", detail));
        rebuilds.afterRollback(id, toRebuild);
    }

    /**
     * The highest position at or below which every trail entry's event is still in the store (entries
     * above it are gone or replaced). What a store loses is its newest part, so agreement holds for a
     * prefix of the trail, and bisection finds its end in a logarithmic number of reads.
     */
    private long lastAgreeingPosition(long disagreeingHead) {
        long agreed = -1;
        long disagrees = disagreeingHead;
        while (disagrees - agreed > 1) {
            long mid = agreed + (disagrees - agreed) / 2;
            Document entry = trail.atOrBelow(mid);
            long at = entry == null ? -1 : ((Number) entry.get("_id")).longValue();
            if (at <= agreed || store.holds(at, entry.getString("eventId"))) {
                agreed = mid;
            } else {
                disagrees = at;
            }
        }
        return agreed;
    }

    /** Rebuilds the projections a detection affected, once the processors run. */
    @EventListener(ApplicationReadyEvent.class)
    void rebuildAffected() {
        rebuilds.start();
    }

    /** Projections still being rebuilt after a detection in this process. */
    public Set<String> rebuilding() {
        return rebuilds.running();
    }

    /** Every detection recorded, newest first. */
    public List<StoreRollback> recorded() {
        List<StoreRollback> found = new ArrayList<>();
        for (Document d : rollbacks.find().sort(Sorts.descending("detectedAt"))) {
            found.add(new StoreRollback(
                    d.getString("_id"),
                    d.getDate("detectedAt").toInstant(),
                    d.get("storeHead") instanceof Number n ? n.longValue() : null,
                    d.get("trailHead") instanceof Number n ? n.longValue() : null,
                    ((Number) d.get("keptUpTo")).longValue(),
                    ((Number) d.get("trailEntriesWithdrawn")).longValue(),
                    d.getList("tokensMovedBack", String.class),
                    d.getList("rebuilt", String.class),
                    d.getString("detail")));
        }
        return found;
    }
}
