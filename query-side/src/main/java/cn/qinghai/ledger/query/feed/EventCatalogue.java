package cn.qinghai.ledger.query.feed;

import cn.qinghai.ledger.events.ChineseName;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.axonframework.serialization.Revision;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The event catalogue, generated from the published language rather than written by hand: every
 * {@code @Revision} record under {@code cn.qinghai.ledger.events} is an event; its fields are its
 * record components with their Java types, and the records and enums of the published language that
 * those fields use are listed as value types. Served as JSON at {@code GET /api/events/catalogue} and
 * rendered as {@code docs/event-catalogue.md}, which {@code EventCatalogueTest} keeps current.
 */
public final class EventCatalogue {

    /** A field of an event or value type: its name and its Java type as written in the record. */
    public record Field(String name, String type) {}

    /**
     * One event: its CloudEvents type and source in the feed, its Java record, revision and fields, and
     * the Chinese names of the event and of its aggregate ({@link ChineseName}).
     */
    public record Event(
            String type,
            String source,
            String aggregate,
            String name,
            String javaClass,
            String revision,
            List<Field> fields,
            String nameZh,
            String aggregateZh) {}

    /** A record or enum of the published language that an event's fields use. */
    public record ValueType(String name, String javaClass, String kind, List<Field> fields, List<String> values) {}

    /** The whole catalogue. */
    public record Catalogue(List<Event> events, List<ValueType> valueTypes) {}

    private EventCatalogue() {}

    /** Scans the published language on the classpath. */
    public static Catalogue generate() {
        List<Class<?>> events = eventClasses();
        Map<String, Class<?>> used = new TreeMap<>();
        List<Event> entries = new ArrayList<>();
        for (Class<?> event : events) {
            entries.add(new Event(
                    EventTypes.typeOf(event),
                    EventTypes.sourceOf(EventTypes.aggregateOf(event)).toString(),
                    EventTypes.aggregateOf(event),
                    event.getSimpleName(),
                    event.getName(),
                    EventTypes.revisionOf(event),
                    fields(event, used),
                    chineseName(event),
                    chineseName(event.getPackage())));
        }
        List<ValueType> valueTypes = new ArrayList<>();
        // fields of value types may use further value types: walk until nothing new turns up
        Map<String, ValueType> described = new TreeMap<>();
        while (described.size() < used.size()) {
            for (Class<?> type : List.copyOf(used.values())) {
                described.computeIfAbsent(type.getName(), name -> valueType(type, used));
            }
        }
        valueTypes.addAll(described.values());
        valueTypes.sort(Comparator.comparing(ValueType::name));
        return new Catalogue(List.copyOf(entries), List.copyOf(valueTypes));
    }

    /** Every {@code @Revision} class under the events package, by aggregate then name. */
    static List<Class<?>> eventClasses() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        return scanner.findCandidateComponents(EventTypes.EVENTS_PACKAGE).stream()
                .map(definition -> ClassUtils.resolveClassName(
                        definition.getBeanClassName(), EventCatalogue.class.getClassLoader()))
                .sorted(Comparator.comparing((Class<?> c) -> EventTypes.aggregateOf(c))
                        .thenComparing(Class::getSimpleName))
                .collect(Collectors.toList());
    }

    /** The {@link ChineseName} of an event, or null when it has none (ChineseNameTest does not let that happen). */
    static String chineseName(Class<?> event) {
        ChineseName name = event.getAnnotation(ChineseName.class);
        return name == null ? null : name.value();
    }

    /** The {@link ChineseName} of an aggregate, declared on its events' package; null when it has none. */
    static String chineseName(Package aggregate) {
        ChineseName name = aggregate == null ? null : aggregate.getAnnotation(ChineseName.class);
        return name == null ? null : name.value();
    }

    private static List<Field> fields(Class<?> record, Map<String, Class<?>> used) {
        RecordComponent[] components = record.getRecordComponents();
        if (components == null) {
            return List.of();
        }
        return Arrays.stream(components)
                .map(c -> new Field(c.getName(), typeName(c.getGenericType(), used)))
                .toList();
    }

    private static ValueType valueType(Class<?> type, Map<String, Class<?>> used) {
        if (type.isEnum()) {
            return new ValueType(
                    name(type),
                    type.getName(),
                    "enum",
                    List.of(),
                    Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name())
                            .toList());
        }
        return new ValueType(name(type), type.getName(), "record", fields(type, used), List.of());
    }

    /** A Java type as a reader of the record would write it: {@code List<String>}, {@code TaskSource.Kind}. */
    static String typeName(Type type, Map<String, Class<?>> used) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                return typeName(c.getComponentType(), used) + "[]";
            }
            if (c.getName().startsWith(EventTypes.EVENTS_PACKAGE + ".") && (c.isRecord() || c.isEnum())) {
                used.putIfAbsent(c.getName(), c);
            }
            return name(c);
        }
        if (type instanceof ParameterizedType p) {
            return typeName(p.getRawType(), used)
                    + Arrays.stream(p.getActualTypeArguments())
                            .map(argument -> typeName(argument, used))
                            .collect(Collectors.joining(", ", "<", ">"));
        }
        if (type instanceof GenericArrayType array) {
            return typeName(array.getGenericComponentType(), used) + "[]";
        }
        if (type instanceof WildcardType) {
            return "?";
        }
        return type.getTypeName();
    }

    /** A class's name without its package; nested classes keep their outer class ({@code TaskSource.Kind}). */
    static String name(Class<?> c) {
        if (c.isPrimitive()) {
            return c.getName();
        }
        String name = c.getName();
        String pkg = c.getPackageName();
        return (pkg.isEmpty() ? name : name.substring(pkg.length() + 1)).replace('$', '.');
    }

    /** The catalogue as Markdown, one table per aggregate, then the value types. */
    public static String markdown(Catalogue catalogue) {
        StringBuilder md = new StringBuilder();
        md.append("# Event catalogue\n\n")
                .append(
                        "<!-- Generated from the @Revision records of shared-events by EventCatalogueTest (query-side). ")
                .append("Do not edit: run ./mvnw -pl query-side -am verify -Dledger.catalogue.write=true -->\n\n")
                .append(
                        "Every event the ledger stores, as other services receive it: the Java record in `shared-events` ")
                .append("(for JVM subscribers using Axon) and the CloudEvents `type` and `source` of the HTTP feed ")
                .append("(`GET /api/events`, `GET /api/events/stream`), whose `data` holds the fields below as JSON ")
                .append("(dates `YYYY-MM-DD`, times ISO-8601 with offset, enums by name). ")
                .append("The Chinese names (中文名) are declared on the records with `@ChineseName` and are the ones ")
                .append("the audit trail and its exports show (`typeZh`, `aggregateTypeZh`). ")
                .append("The same catalogue is served as JSON at `GET /api/events/catalogue`.\n");
        Map<String, List<Event>> byAggregate = new LinkedHashMap<>();
        catalogue
                .events()
                .forEach(e -> byAggregate
                        .computeIfAbsent(e.aggregate(), a -> new ArrayList<>())
                        .add(e));
        byAggregate.forEach((aggregate, events) -> {
            md.append("\n## ")
                    .append(aggregate)
                    .append(" ")
                    .append(text(events.get(0).aggregateZh()))
                    .append(" (source `")
                    .append(events.get(0).source())
                    .append("`)\n\n")
                    .append("| event | 中文名 | CloudEvents type | revision | fields |\n|---|---|---|---|---|\n");
            for (Event e : events) {
                md.append("| `")
                        .append(e.name())
                        .append("` | ")
                        .append(text(e.nameZh()))
                        .append(" | `")
                        .append(e.type())
                        .append("` | ")
                        .append(e.revision())
                        .append(" | ")
                        .append(fieldList(e.fields()))
                        .append(" |\n");
            }
        });
        md.append("\n## Value types\n\n| type | kind | fields or values |\n|---|---|---|\n");
        for (ValueType t : catalogue.valueTypes()) {
            md.append("| `")
                    .append(t.name())
                    .append("` | ")
                    .append(t.kind())
                    .append(" | ")
                    .append(t.kind().equals("enum") ? String.join(", ", t.values()) : fieldList(t.fields()))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value.replace("|", "\\|");
    }

    private static String fieldList(List<Field> fields) {
        return fields.stream()
                .map(f -> f.name() + ": `" + f.type() + "`")
                .collect(Collectors.joining(", "))
                .replace("|", "\\|");
    }
}
