package cn.qinghai.ledger.query.audit;

import cn.qinghai.ledger.platform.security.Role;
import cn.qinghai.ledger.query.feed.EventCatalogue;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Chinese names the audit trail shows beside what it records: of the event type and the aggregate
 * type, read from their {@code @ChineseName} through the event catalogue (the one source, which a new
 * event cannot miss), and of the actor's role, from {@link Role}. Nothing here is stored: the trail keeps
 * the recorded names as evidence, and the names are added when an entry is read, so a better name later
 * changes no digest.
 */
final class AuditNames {

    /** Event class simple name ({@code TaskUrgedEvent}) to its Chinese name (任务催办). */
    private static final Map<String, String> TYPES = new LinkedHashMap<>();
    /** Aggregate type as Axon records it, lower case ({@code task}), to its Chinese name (督办事项). */
    private static final Map<String, String> AGGREGATES = new LinkedHashMap<>();

    static {
        for (EventCatalogue.Event event : EventCatalogue.generate().events()) {
            if (event.nameZh() != null) {
                TYPES.put(event.name(), event.nameZh());
            }
            if (event.aggregateZh() != null) {
                AGGREGATES.put(event.aggregate(), event.aggregateZh());
            }
        }
    }

    private AuditNames() {}

    /** The Chinese name of an event type as the trail records it (the class's simple name); null if unknown. */
    static String type(String type) {
        return type == null ? null : TYPES.get(type);
    }

    /** The Chinese name of an aggregate type as Axon records it ({@code Task}); null if unknown. */
    static String aggregateType(String aggregateType) {
        return aggregateType == null ? null : AGGREGATES.get(aggregateType.toLowerCase(Locale.ROOT));
    }

    /** The Chinese name of a recorded role ({@code OFFICE}, {@code SYSTEM}); null if unknown. */
    static String role(String role) {
        return Role.chineseNameOf(role);
    }

    /**
     * The recorded types a search for {@code text} means: the text itself (a class name, also one of an
     * event this version no longer has), and every known event whose class name or Chinese name contains
     * it, ignoring case: 催办 finds {@code TaskUrgedEvent} (任务催办), and so does {@code urged}.
     */
    static Set<String> typesMatching(String text) {
        Set<String> types = new LinkedHashSet<>();
        types.add(text);
        String needle = text.toLowerCase(Locale.ROOT);
        TYPES.forEach((type, chinese) -> {
            if (type.toLowerCase(Locale.ROOT).contains(needle) || chinese.contains(text)) {
                types.add(type);
            }
        });
        return types;
    }
}
