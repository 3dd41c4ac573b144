package cn.qinghai.ledger.query.platform;

import java.util.Collection;

/**
 * A projection that can be rebuilt into a fresh copy of its collections while the current copy keeps
 * serving (see {@code query.admin.ProjectionReplays}). To adopt it, a projection
 * <ol>
 *   <li>reads and writes only through {@link ReadModelCollections} (its Spring bean bound to
 *       {@link ReadModelGenerations#live(String)}, its query handlers too);</li>
 *   <li>is idempotent under redelivery ({@link MongoWrites}): after the switch the live processor
 *       resumes from its own token and may hand the new copy events it already has;</li>
 *   <li>implements this interface on its projection bean.</li>
 * </ol>
 */
public interface ReplayableProjection {

    /** The processing group whose live processor feeds this projection; also its generation key. */
    String processingGroup();

    /** Logical names of every collection the projection writes. */
    Collection<String> collections();

    /** A new instance with the same event handlers, writing into {@code target}; it creates its indexes. */
    Object bindTo(ReadModelCollections target);

    /**
     * Whether the generation this instance reads and writes was written as this version writes it (its
     * stored format, rules and time zone). One that is not is neither read nor written: its live
     * processor passes its events over ({@link OutdatedGenerationSkip}), its queries answer that it is being
     * rebuilt, and it is rebuilt from the event store into a fresh generation ({@code query.admin.OutdatedReadModels}).
     */
    default boolean upToDate() {
        return true;
    }
}
