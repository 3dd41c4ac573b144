package cn.qinghai.ledger.standalone;

import cn.qinghai.ledger.events.RuleSource;
import cn.qinghai.ledger.events.task.RagReason;
import cn.qinghai.ledger.query.tasklist.SupervisionProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The table of rules in {@code docs/rules-generated.md}, generated from {@link RuleSource}: every rule constant
 * (a {@code public static final String} of a {@code *Rules} class), the thresholds of red and amber, and the
 * commands the notice does not give the office. What a rule refuses is its Javadoc, read from the source; its
 * HTTP answer is read from the source too, from the {@code rule(…)} (422), {@code conflict(…)} (409) and
 * {@code notFound(…)} (404) calls that name it.
 */
final class RulesTable {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final List<String> SOURCE_MODULES = List.of("shared-events", "platform", "command-side", "query-side");
    /** A rule name: UpperCamelCase, as a refusal's {@code rule} carries it. */
    static final Pattern RULE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*");

    static final Pattern REFUSAL = Pattern.compile("\\b(rule|conflict|notFound)\\(");
    static final Pattern CONSTANT_REFERENCE = Pattern.compile("(?:\\b(\\w+)\\.)?\\b([A-Z][A-Z0-9_]*)\\b");
    static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    static final Pattern CLAUSE = Pattern.compile("[一二三四五六七八九十]+、\\S+");
    static final String PRACTICE = "办公室工作惯例";

    /** One row: a rule (or threshold, or command), what it refuses or does, where it comes from. */
    record Row(String name, String javaName, String refuses, RuleSource source, String answer) {}

    record Table(Map<String, List<Row>> rules, List<Row> thresholds, List<Row> commands, List<String> unsourced) {}

    private RulesTable() {}

    static Table generate() {
        List<String> unsourced = new ArrayList<>();
        Map<String, List<Row>> rules = new TreeMap<>();
        Map<String, Set<String>> answers = answers(ruleClasses());
        for (Class<?> type : ruleClasses()) {
            List<Row> rows = new ArrayList<>();
            for (Field field : ruleConstants(type)) {
                String name = value(field);
                RuleSource source = field.getAnnotation(RuleSource.class);
                if (source == null) {
                    unsourced.add(type.getSimpleName() + "." + field.getName());
                }
                rows.add(new Row(
                        name,
                        type.getSimpleName() + "." + field.getName(),
                        javadoc(type, field.getName()),
                        source,
                        String.join(" / ", answers.getOrDefault(name, Set.of()))));
            }
            rows.sort(Comparator.comparingInt(r ->
                    declaredAt(type, r.javaName().substring(type.getSimpleName().length() + 1))));
            rules.put(type.getSimpleName(), rows);
        }

        List<Row> thresholds = new ArrayList<>();
        Field overdue = field(RagReason.class, RagReason.OVERDUE.name());
        thresholds.add(new Row(
                "red: " + RagReason.OVERDUE.name(),
                "RagReason.OVERDUE",
                javadoc(RagReason.class, overdue.getName()),
                overdue.getAnnotation(RuleSource.class),
                "—"));
        SupervisionProperties defaults = new SupervisionProperties();
        for (Field field : SupervisionProperties.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            RuleSource source = field.getAnnotation(RuleSource.class);
            if (source == null) {
                unsourced.add("SupervisionProperties." + field.getName());
            }
            thresholds.add(new Row(
                    "amber: ledger.supervision." + kebab(field.getName()),
                    "SupervisionProperties." + field.getName(),
                    javadoc(SupervisionProperties.class, field.getName()),
                    source,
                    "default " + read(field, defaults)));
        }
        if (overdue.getAnnotation(RuleSource.class) == null) {
            unsourced.add("RagReason.OVERDUE");
        }

        List<Row> commands = new ArrayList<>();
        for (Class<?> type : classes("classpath*:cn/qinghai/ledger/events/**/*Command.class")) {
            RuleSource source = type.getAnnotation(RuleSource.class);
            if (source != null) {
                commands.add(new Row(
                        type.getSimpleName(), type.getName(), javadoc(type, type.getSimpleName()), source, "—"));
            }
        }
        commands.sort(Comparator.comparing(Row::name));
        return new Table(rules, thresholds, commands, unsourced);
    }

    /** Every {@code *Rules} class of the ledger that holds rule constants, by name. */
    static List<Class<?>> ruleClasses() {
        return classes("classpath*:cn/qinghai/ledger/**/*Rules.class").stream()
                .filter(type -> !ruleConstants(type).isEmpty())
                .sorted(Comparator.comparing(Class::getName))
                .toList();
    }

    /** The rule constants of a class: public static final Strings whose value is a rule name. */
    static List<Field> ruleConstants(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            int m = field.getModifiers();
            if (Modifier.isPublic(m)
                    && Modifier.isStatic(m)
                    && Modifier.isFinal(m)
                    && field.getType() == String.class
                    && RULE_NAME.matcher(value(field)).matches()) {
                fields.add(field);
            }
        }
        return fields;
    }

    /**
     * The HTTP answers each rule name is refused with, read from the {@code rule(…)}, {@code conflict(…)} and
     * {@code notFound(…)} calls of the main sources (a constant, qualified or statically imported, or a literal).
     */
    static Map<String, Set<String>> answers(List<Class<?>> ruleClasses) {
        Map<String, Set<String>> answers = new LinkedHashMap<>();
        for (RuleReference ref : references(ruleClasses)) {
            if (ref.rule() != null) {
                answers.computeIfAbsent(ref.rule(), k -> new TreeSet<>()).add(ref.answer());
            }
        }
        return answers;
    }

    /** A rule named by a refusal in the sources: its value (null when the name resolves to no rule constant). */
    record RuleReference(String file, String reference, String rule, String answer) {}

    static List<RuleReference> references(List<Class<?>> ruleClasses) {
        Map<String, String> qualified = new LinkedHashMap<>();
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (Class<?> type : ruleClasses) {
            for (Field field : ruleConstants(type)) {
                qualified.put(type.getSimpleName() + "." + field.getName(), value(field));
                byField.computeIfAbsent(field.getName(), k -> new ArrayList<>()).add(value(field));
            }
        }
        List<RuleReference> refs = new ArrayList<>();
        for (Path file : mainSources()) {
            String text = read(file);
            Matcher call = REFUSAL.matcher(text);
            while (call.find()) {
                String answer = switch (call.group(1)) {
                    case "rule" -> "422";
                    case "conflict" -> "409";
                    default -> "404";
                };
                String argument = firstArgument(text, call.end());
                Matcher literal = STRING.matcher(argument);
                if (literal.lookingAt() && argument.length() == literal.end()) {
                    String name = argument.substring(1, argument.length() - 1);
                    if (RULE_NAME.matcher(name).matches()) {
                        refs.add(new RuleReference(ROOT.relativize(file).toString(), argument, name, answer));
                    }
                    continue;
                }
                Matcher constant =
                        CONSTANT_REFERENCE.matcher(STRING.matcher(argument).replaceAll("\"\""));
                while (constant.find()) {
                    String owner = constant.group(1);
                    String name = constant.group(2);
                    if (owner != null && !owner.endsWith("Rules")) {
                        continue; // HttpMethod.POST and the like: not a rule
                    }
                    String rule = owner != null
                            ? qualified.get(owner + "." + name)
                            : byField.getOrDefault(name, List.of()).size() == 1
                                    ? byField.get(name).get(0)
                                    : null;
                    refs.add(new RuleReference(
                            ROOT.relativize(file).toString(), owner == null ? name : owner + "." + name, rule, answer));
                }
            }
        }
        return refs;
    }

    /** The first argument of the call whose parenthesis opened just before {@code from}, up to its comma. */
    static String firstArgument(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                Matcher s = STRING.matcher(text).region(i, text.length());
                if (s.lookingAt()) {
                    i = s.end() - 1;
                    continue;
                }
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return text.substring(from, i).strip();
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return text.substring(from, i).strip();
            }
        }
        return text.substring(from).strip();
    }

    static String markdown(Table table) {
        StringBuilder md = new StringBuilder();
        md.append("# Rules and where they come from (generated)\n\n");
        md.append(
                "<!-- Generated by RulesTableTest from the @RuleSource annotations; do not edit by hand. Regenerate with\n"
                        + "     ./mvnw -B -ntp test -pl standalone -am -Dtest=RulesTableTest -Dsurefire.failIfNoSpecifiedTests=false"
                        + " -Dledger.rules.write=true -->\n\n");
        md.append("Every rule the ledger enforces, by the name a refusal carries (`rule` in the problem answer), with\n"
                + "where it comes from: a sentence of the notice 青政办函〔2021〕138号, quoted word for word with the\n"
                + "heading of its part, or the office's working practice (" + PRACTICE + ") with the reason for it.\n"
                + "What a rule refuses is its Javadoc; the answer is the HTTP status of the refusals that name it.\n"
                + "See [rules.md](rules.md) for how to read and extend this table.\n");
        for (Map.Entry<String, List<Row>> rules : table.rules().entrySet()) {
            md.append("\n## ").append(rules.getKey()).append("\n\n");
            md.append("| rule | refuses | source | answer |\n|---|---|---|---|\n");
            for (Row row : rules.getValue()) {
                md.append("| `")
                        .append(row.name())
                        .append("` | ")
                        .append(cell(row.refuses()))
                        .append(" | ")
                        .append(cell(source(row.source())))
                        .append(" | ")
                        .append(row.answer().isEmpty() ? "—" : row.answer())
                        .append(" |\n");
            }
        }
        md.append("\n## Red, amber, green\n\n");
        md.append("The colours of the task list are office practice; the amber thresholds are settings "
                + "(`ledger.supervision.*`, in working days).\n\n");
        md.append("| threshold | what it does | source | setting |\n|---|---|---|---|\n");
        for (Row row : table.thresholds()) {
            md.append("| `")
                    .append(row.name())
                    .append("` | ")
                    .append(cell(row.refuses()))
                    .append(" | ")
                    .append(cell(source(row.source())))
                    .append(" | ")
                    .append(row.answer())
                    .append(" |\n");
        }
        md.append("\n## Acts the notice does not give the office\n\n");
        md.append("These commands change what the notice itself decided; the office records them only with a\n"
                + "recorded conference decision (the commands themselves do not check for one).\n\n");
        md.append("| command | what it does | source |\n|---|---|---|\n");
        for (Row row : table.commands()) {
            md.append("| `")
                    .append(row.name())
                    .append("` | ")
                    .append(cell(row.refuses()))
                    .append(" | ")
                    .append(cell(source(row.source())))
                    .append(" |\n");
        }
        return md.toString();
    }

    static String source(RuleSource source) {
        if (source == null) {
            return "(no @RuleSource)";
        }
        if (!source.notice().isEmpty()) {
            return "通知 " + source.clause() + "：「" + source.notice() + "」";
        }
        return PRACTICE + "：" + source.practice();
    }

    static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** The Javadoc just before the declaration of {@code name} in the source of {@code type}, as one line of Markdown. */
    static String javadoc(Class<?> type, String name) {
        String text = read(sourceOf(type));
        int at = declaredAt(type, name);
        if (at < 0) {
            return "";
        }
        int end = text.lastIndexOf("*/", at);
        int start = end < 0 ? -1 : text.lastIndexOf("/**", end);
        if (start < 0
                || !STRING.matcher(text.substring(end + 2, at)).replaceAll("").matches("[^;{}]*")) {
            return "";
        }
        String doc = text.substring(start + 3, end).replaceAll("(?m)^\\s*\\*\\s?", " ");
        doc = doc.replaceAll("\\{@link\\s+([\\w.]+)#(\\w+)\\}", "`$1.$2`")
                .replaceAll("\\{@link(?:plain)?\\s+([\\w.#]+)\\s*\\}", "`$1`")
                .replaceAll("\\{@link(?:plain)?\\s+[\\w.#]+\\s+([^}]+)\\}", "$1")
                .replaceAll("\\{@code\\s+([^}]*)\\}", "`$1`");
        return doc.replaceAll("\\s+", " ").strip();
    }

    /** Where {@code name} is declared in the source of {@code type} (a field, an enum constant or the type). */
    static int declaredAt(Class<?> type, String name) {
        String text = read(sourceOf(type));
        Matcher m = name.equals(type.getSimpleName())
                ? Pattern.compile("\\b(?:record|class|enum|interface)\\s+" + name + "\\b")
                        .matcher(text)
                : Pattern.compile("(?m)^\\s*(?:[\\w<>,\\s]+\\s)?" + name + "\\s*(?:=|,|;|\\(|$)")
                        .matcher(text);
        return m.find() ? m.start() + m.group().indexOf(name) : -1;
    }

    static Path sourceOf(Class<?> type) {
        Class<?> top = type;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        String relative = "src/main/java/" + top.getName().replace('.', '/') + ".java";
        return SOURCE_MODULES.stream()
                .map(m -> ROOT.resolve(m).resolve(relative))
                .filter(Files::exists)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no source for " + type.getName()));
    }

    static List<Path> mainSources() {
        List<Path> files = new ArrayList<>();
        for (String module : SOURCE_MODULES) {
            try (Stream<Path> walk = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static List<Class<?>> classes(String pattern) {
        List<Class<?>> types = new ArrayList<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                String url = resource.getURL().toString();
                int at = url.indexOf("cn/qinghai/ledger/");
                String name =
                        url.substring(at, url.length() - ".class".length()).replace('/', '.');
                if (!name.contains("$")) {
                    types.add(Class.forName(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return types;
    }

    static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object read(Field field, Object target) {
        try {
            field.setAccessible(true);
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
