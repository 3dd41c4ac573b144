package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinghai.ledger.command.circular.CircularRules;
import cn.qinghai.ledger.command.conference.ConferenceRules;
import cn.qinghai.ledger.command.meeting.MeetingRules;
import cn.qinghai.ledger.command.reporting.ReportingRules;
import cn.qinghai.ledger.command.task.TaskRules;
import cn.qinghai.ledger.events.conference.MemberChangeList;
import cn.qinghai.ledger.events.conference.RosterDecision;
import cn.qinghai.ledger.events.conference.SeatRole;
import cn.qinghai.ledger.events.meeting.ApprovalState;
import cn.qinghai.ledger.events.meeting.MeetingKind;
import cn.qinghai.ledger.events.meeting.MinutesState;
import cn.qinghai.ledger.events.reporting.ReportState;
import cn.qinghai.ledger.events.reporting.ReportingKind;
import cn.qinghai.ledger.events.task.ExtensionState;
import cn.qinghai.ledger.events.task.RagReason;
import cn.qinghai.ledger.events.task.RagStatus;
import cn.qinghai.ledger.events.task.TaskSource;
import cn.qinghai.ledger.events.task.TaskStatus;
import cn.qinghai.ledger.platform.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every label the dashboard shows exists in Chinese and in English, and every refusal the command
 * side can name ({@code rule}), every state and every role has its Chinese sentence: a rule added to
 * the domain without its words would otherwise reach users as its English detail.
 */
class DashboardDictionaryTest {

    static final Pattern ENTRY = Pattern.compile("^\\s*'([^']+)':\\s*'", Pattern.MULTILINE);
    static final Pattern CHINESE_ROLE = Pattern.compile("^\\s*'role\\.([A-Z_]+)':\\s*'([^']*)'", Pattern.MULTILINE);
    static final Pattern KEY_LITERAL =
            Pattern.compile("'((?:app|nav|role|rag|ragReason|status|ext|kind|minutes|approval|seat"
                    + "|change|source|board|unit|tasks|task|meetings|meeting|decisions|roster|circular|audit|admin|mine|form|v|f|a|ok"
                    + "|rule|live|login|reporting|reportState|reportKind|period)\\.[A-Za-z0-9_.]+)'");

    @Test
    void chineseAndEnglishHaveTheSameLabels() throws IOException {
        assertThat(english()).isEqualTo(chinese());
        assertThat(chinese()).hasSizeGreaterThan(300);
    }

    /** A key written twice in one dictionary keeps only its last label: a form shows another form's words. */
    @Test
    void noLabelIsWrittenTwiceInOneDictionary() throws IOException {
        String[] parts = dictionary().split("const en = \\{");
        for (String part : List.of(parts[0], parts[1].split("\n};")[0])) {
            List<String> all = new java.util.ArrayList<>();
            Matcher m = ENTRY.matcher(part);
            while (m.find()) {
                all.add(m.group(1));
            }
            assertThat(all).as("keys written twice").doesNotHaveDuplicates();
        }
    }

    @Test
    void everyLabelTheScriptsAskForExists() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Resource script :
                new PathMatchingResourcePatternResolver().getResources("classpath*:static/assets/**/*.js")) {
            Matcher m = KEY_LITERAL.matcher(read(script));
            while (m.find()) {
                if (!m.group(1).endsWith(".") && !chinese().contains(m.group(1))) {
                    missing.add(script.getFilename() + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyRuleOfTheNoticeAndEveryStateAndRoleHasItsWords() throws IOException {
        List<String> needed = new ArrayList<>();
        for (Class<?> rules : List.of(
                ConferenceRules.class,
                MeetingRules.class,
                TaskRules.class,
                CircularRules.class,
                ReportingRules.class)) {
            for (Field field : rules.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    needed.add("rule." + readConstant(field));
                }
            }
        }
        // refusals named by the platform's problem answers
        Stream.of("KnownAggregate", "ExpectedVersionIsCurrent", "NoConcurrentChange")
                .forEach(r -> needed.add("rule." + r));
        Stream.of(TaskStatus.values()).forEach(v -> needed.add("status." + v));
        Stream.of(RagStatus.values()).forEach(v -> needed.add("rag." + v));
        Stream.of(RagReason.values()).forEach(v -> needed.add("ragReason." + v));
        Stream.of(ExtensionState.values()).forEach(v -> needed.add("ext." + v));
        Stream.of(MeetingKind.values()).forEach(v -> needed.add("kind." + v));
        Stream.of(MinutesState.values()).forEach(v -> needed.add("minutes." + v));
        Stream.of(ApprovalState.values()).forEach(v -> needed.add("approval." + v));
        Stream.of(SeatRole.values()).forEach(v -> needed.add("seat." + v));
        Stream.of(MemberChangeList.Status.values()).forEach(v -> needed.add("change." + v));
        Stream.of(TaskSource.Kind.values()).forEach(v -> needed.add("source." + v));
        Stream.of(RosterDecision.Kind.values()).forEach(v -> needed.add("decision." + v));
        Stream.of(RosterDecision.Kind.values()).forEach(v -> needed.add("decisionKind." + v));
        Stream.of(Role.values()).forEach(v -> needed.add("role." + v));
        Stream.of(ReportState.values()).forEach(v -> needed.add("reportState." + v));
        Stream.of(ReportingKind.values()).forEach(v -> needed.add("reportKind." + v));
        needed.add("role." + Role.SYSTEM); // the role of the service's own work, shown in the audit trail
        assertThat(needed)
                .allSatisfy(key -> assertThat(chinese()).as("label %s", key).contains(key));
    }

    @Test
    void theDashboardNamesEachRoleAsTheAuditTrailAndItsExportsDo() throws IOException {
        Matcher m = CHINESE_ROLE.matcher(dictionary().split("const en = \\{")[0]);
        int roles = 0;
        while (m.find()) {
            assertThat(m.group(2)).as("role.%s", m.group(1)).isEqualTo(Role.chineseNameOf(m.group(1)));
            roles++;
        }
        assertThat(roles).isEqualTo(Role.values().length + 1);
    }

    private static String readConstant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<String> chinese() throws IOException {
        return keys(dictionary().split("const en = \\{")[0]);
    }

    static Set<String> english() throws IOException {
        return keys(dictionary().split("const en = \\{")[1].split("\n};")[0]);
    }

    private static Set<String> keys(String source) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = ENTRY.matcher(source);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return new TreeSet<>(keys);
    }

    private static String dictionary() throws IOException {
        return read(new PathMatchingResourcePatternResolver().getResource("classpath:static/assets/i18n.js"));
    }

    private static String read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
