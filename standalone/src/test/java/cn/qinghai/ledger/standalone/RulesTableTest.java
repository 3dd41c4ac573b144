package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinghai.ledger.events.RuleSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every rule says where it comes from ({@link RuleSource}: a verbatim sentence of the notice, or office
 * practice with its reason), and {@code docs/rules-generated.md} is the table generated from those: a rule
 * without a source, or a change of a rule without regenerating the document, fails here. Regenerate with
 * {@code ./mvnw -B -ntp test -pl standalone -am -Dtest=RulesTableTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dledger.rules.write=true} (a fresh copy is also written to {@code standalone/target/rules-generated.md}).
 */
class RulesTableTest {

    static final Path COMMITTED = RulesTable.ROOT.resolve("docs/rules-generated.md");
    /** The seed data: the notice as the repository keeps it (its roster and each unit's duties, 三、职责分工). */
    static final Path SEED = RulesTable.ROOT.resolve("platform/src/main/resources/seed");

    @Test
    void everyRuleConstantSaysWhereItComesFrom() {
        RulesTable.Table table = RulesTable.generate();
        assertThat(table.rules()).containsKeys("ConferenceRules", "MeetingRules", "TaskRules");
        assertThat(table.unsourced())
                .as("rule constants and thresholds without @RuleSource")
                .isEmpty();
        List<RulesTable.Row> rows = all(table);
        assertThat(rows).allSatisfy(row -> {
            RuleSource source = row.source();
            assertThat(source.notice().isBlank() ^ source.practice().isBlank())
                    .as("%s names exactly one of notice and practice", row.javaName())
                    .isTrue();
            if (source.notice().isBlank()) {
                assertThat(source.clause())
                        .as("%s: a clause goes only with a notice quote", row.javaName())
                        .isEmpty();
            } else {
                assertThat(source.clause())
                        .as("%s: the heading of the notice's part it quotes, e.g. 四、工作规则", row.javaName())
                        .matches(RulesTable.CLAUSE);
                assertThat(source.notice())
                        .as("%s quotes the notice word for word, without ellipsis", row.javaName())
                        .doesNotContain("…")
                        .doesNotContain("...")
                        .isEqualTo(source.notice().strip());
            }
            assertThat(row.refuses())
                    .as("%s has a Javadoc saying what it refuses", row.javaName())
                    .isNotBlank();
        });
        assertThat(table.rules().values().stream().flatMap(List::stream).map(RulesTable.Row::name))
                .as("rule names are unique")
                .doesNotHaveDuplicates();
        assertThat(table.commands())
                .extracting(RulesTable.Row::name)
                .contains("DissolveConferenceCommand", "UpdateUnitDutiesCommand");
    }

    /** The notice's own text, kept beside the seed data transcribed from it. */
    static final Path NOTICE = SEED.resolve("qh-infant-care-2021-138.notice.txt");

    /**
     * Every quote of the notice is found word for word (line breaks and spacing aside) in the part of the
     * notice whose heading it names, e.g. 四、工作规则; and the seed data agrees with the duties it quotes.
     */
    @Test
    void everyQuoteIsFoundInTheNoticeUnderItsHeading() throws IOException {
        Map<String, String> parts = noticeParts();
        assertThat(parts.keySet()).contains("一、主要职责", "二、成员名单", "三、职责分工", "四、工作规则");
        String seed = seedText().replaceAll("\\s+", "");
        for (RulesTable.Row row : all(RulesTable.generate())) {
            if (row.source() == null || row.source().notice().isEmpty()) {
                continue;
            }
            String quote = row.source().notice().replaceAll("\\s+", "");
            assertThat(parts)
                    .as("%s names a heading of the notice", row.javaName())
                    .containsKey(row.source().clause());
            assertThat(parts.get(row.source().clause()))
                    .as(
                            "%s quotes %s word for word",
                            row.javaName(), row.source().clause())
                    .contains(quote);
            if (row.source().clause().startsWith("三、")) {
                assertThat(seed)
                        .as("%s: the seed has the duties as the notice", row.javaName())
                        .contains(quote);
            }
        }
    }

    /** The notice's parts by heading (一、… to 四、…), each with its text and no whitespace. */
    static Map<String, String> noticeParts() throws IOException {
        Map<String, String> parts = new java.util.LinkedHashMap<>();
        String heading = null;
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(NOTICE)) {
            String stripped = line.strip();
            if (stripped.matches("[一二三四五六七八九十]+、\\S+")) {
                if (heading != null) {
                    parts.put(heading, text.toString());
                }
                heading = stripped;
                text.setLength(0);
            } else if (heading != null) {
                text.append(stripped.replaceAll("\\s+", ""));
            }
        }
        if (heading != null) {
            parts.put(heading, text.toString());
        }
        return parts;
    }

    @Test
    void everyRefusalNamesARuleConstant() {
        List<RulesTable.RuleReference> unresolved = RulesTable.references(RulesTable.ruleClasses()).stream()
                .filter(ref -> ref.rule() == null)
                .toList();
        assertThat(unresolved)
                .as("refusals naming a constant that is not a rule constant of a *Rules class")
                .isEmpty();
        RulesTable.Table table = RulesTable.generate();
        RulesTable.Row convener = table.rules().get("ConferenceRules").get(0);
        assertThat(convener.name()).isEqualTo("AtMostOneConvener");
        assertThat(convener.answer()).isEqualTo("422");
        assertThat(table.rules().get("ConferenceRules"))
                .filteredOn(r -> r.name().equals("KnownUnit"))
                .extracting(RulesTable.Row::answer)
                .containsExactly("404");
        assertThat(table.rules().get("TaskRules"))
                .filteredOn(r -> r.name().equals("OnePendingExtensionRequest"))
                .extracting(RulesTable.Row::answer)
                .containsExactly("409");
    }

    @Test
    void theCommittedTableIsTheGeneratedOne() throws IOException {
        String generated = RulesTable.markdown(RulesTable.generate());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "rules-generated.md"), generated, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("ledger.rules.write")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(COMMITTED))
                .as("docs/rules-generated.md exists (regenerate with " + "-Dledger.rules.write=true)")
                .isTrue();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("docs/rules-generated.md is out of date: regenerate with ./mvnw -B -ntp test -pl standalone -am "
                        + "-Dtest=RulesTableTest -Dsurefire.failIfNoSpecifiedTests=false -Dledger.rules.write=true")
                .isEqualTo(generated);
    }

    static List<RulesTable.Row> all(RulesTable.Table table) {
        List<RulesTable.Row> rows = new ArrayList<>();
        table.rules().values().forEach(rows::addAll);
        rows.addAll(table.thresholds());
        rows.addAll(table.commands());
        return rows;
    }

    /** Every string of the seed files, one per line. */
    static String seedText() throws IOException {
        StringBuilder text = new StringBuilder();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(SEED)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                collect(json.readTree(file.toFile()), text);
            }
        }
        return text.toString();
    }

    static void collect(JsonNode node, StringBuilder text) {
        if (node.isTextual()) {
            text.append(node.asText()).append('\n');
        }
        node.forEach(child -> collect(child, text));
    }
}
