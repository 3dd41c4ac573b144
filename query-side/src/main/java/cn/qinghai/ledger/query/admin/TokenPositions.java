package cn.qinghai.ledger.query.admin;

import com.mongodb.client.MongoCollection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The tracking tokens of every processing group, as the token store keeps them in MongoDB. Read
 * straight from the collection, without claiming (another instance may be working on a segment); moved
 * back only through the token store, by claiming the segment first.
 */
final class TokenPositions {

    private static final Duration CLAIM_PATIENCE = Duration.ofSeconds(45);

    /** One segment's token and the global position it stands at. */
    record TokenAt(String group, int segment, TrackingToken token, long position) {}

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;
    private final TokenStore tokenStore;

    TokenPositions(MongoCollection<Document> tokens, Serializer serializer, TokenStore tokenStore) {
        this.tokens = tokens;
        this.serializer = serializer;
        this.tokenStore = tokenStore;
    }

    /** Every segment token that stands at a global position. */
    List<TokenAt> all() {
        List<TokenAt> found = new ArrayList<>();
        for (Document d : tokens.find()) {
            Object bytes = d.get("token");
            String type = d.getString("tokenType");
            String group = d.getString("processorName");
            if (!(bytes instanceof Binary binary)
                    || type == null
                    || group == null
                    || !(d.get("segment") instanceof Number s)) {
                continue;
            }
            TrackingToken token =
                    serializer.deserialize(new SimpleSerializedObject<>(binary.getData(), byte[].class, type, null));
            if (token != null && token.position().isPresent()) {
                found.add(
                        new TokenAt(group, s.intValue(), token, token.position().getAsLong()));
            }
        }
        return found;
    }

    /**
     * Moves one segment's token back to {@code position}: claims the segment (waiting for the claim of
     * a process that died to expire), stores the clipped token and releases the claim.
     */
    void moveBack(TokenAt at, long position) throws InterruptedException {
        long deadline = System.nanoTime() + CLAIM_PATIENCE.toNanos();
        while (true) {
            try {
                TrackingToken current = tokenStore.fetchToken(at.group(), at.segment());
                tokenStore.storeToken(clip(current, position), at.group(), at.segment());
                tokenStore.releaseClaim(at.group(), at.segment());
                return;
            } catch (UnableToClaimTokenException claimedElsewhere) {
                if (System.nanoTime() > deadline) {
                    throw claimedElsewhere;
                }
                Thread.sleep(500);
            }
        }
    }

    /** {@code token}, if it stands beyond {@code position}, moved back to it; the gaps below it kept. */
    static TrackingToken clip(TrackingToken token, long position) {
        if (token == null || token.position().orElse(-1) <= position) {
            return token;
        }
        if (token instanceof ReplayToken replay) {
            return clip(replay.getCurrentToken(), position);
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            return GapAwareTrackingToken.newInstance(
                    position, gapAware.getGaps().headSet(position));
        }
        if (token instanceof GlobalSequenceTrackingToken) {
            return new GlobalSequenceTrackingToken(position);
        }
        throw new IllegalStateException(
                "cannot move a " + token.getClass().getSimpleName() + " back to position " + position);
    }
}
