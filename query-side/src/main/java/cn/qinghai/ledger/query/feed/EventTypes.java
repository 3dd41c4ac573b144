package cn.qinghai.ledger.query.feed;

import java.net.URI;
import java.util.Locale;
import org.axonframework.serialization.Revision;

/**
 * How a ledger event is named outside the JVM, in the feed and in the catalogue alike: the CloudEvents
 * {@code type} is {@code cn.qinghai.ledger.<aggregate>.<Name>.v<revision>} (the Java record
 * {@code cn.qinghai.ledger.events.task.TaskAssignedEvent} at {@code @Revision("1")} is
 * {@code cn.qinghai.ledger.task.TaskAssigned.v1}); the {@code source} is {@code urn:ledger:<aggregate>}.
 * A change of an event's shape gets a new revision, so a subscriber sees a new type rather than a
 * changed one.
 */
public final class EventTypes {

    /** The package of the published language; its sub-package names the aggregate. */
    public static final String EVENTS_PACKAGE = "cn.qinghai.ledger.events";

    static final String TYPE_PREFIX = "cn.qinghai.ledger.";
    static final String SOURCE_PREFIX = "urn:ledger:";
    /** Source of an event that belongs to no aggregate (none exist yet; kept for completeness). */
    static final String NO_AGGREGATE = "events";

    private EventTypes() {}

    /** The CloudEvents type of an event class, with the revision it is written at. */
    public static String typeOf(Class<?> eventClass) {
        return typeOf(eventClass.getName(), revisionOf(eventClass));
    }

    /** The CloudEvents type of an event known by its Java class name and revision (also a stored but unknown one). */
    public static String typeOf(String className, String revision) {
        String relative = className.startsWith(EVENTS_PACKAGE + ".")
                ? className.substring(EVENTS_PACKAGE.length() + 1)
                : className;
        relative = relative.replace('$', '.');
        if (relative.endsWith("Event")) {
            relative = relative.substring(0, relative.length() - "Event".length());
        }
        return TYPE_PREFIX + relative + ".v" + (revision == null || revision.isBlank() ? "0" : revision);
    }

    /** The {@code @Revision} of an event class, or null when it has none. */
    public static String revisionOf(Class<?> eventClass) {
        Revision revision = eventClass.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }

    /** The aggregate an event class belongs to: its package below {@link #EVENTS_PACKAGE} ({@code task}). */
    public static String aggregateOf(Class<?> eventClass) {
        String pkg = eventClass.getPackageName();
        return pkg.startsWith(EVENTS_PACKAGE + ".") ? pkg.substring(EVENTS_PACKAGE.length() + 1) : NO_AGGREGATE;
    }

    /** {@code urn:ledger:<aggregate>}, from an aggregate type as Axon records it ({@code Task}) or a package name. */
    public static URI sourceOf(String aggregateType) {
        String name = aggregateType == null || aggregateType.isBlank()
                ? NO_AGGREGATE
                : aggregateType.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        return URI.create(SOURCE_PREFIX + name);
    }
}
