package cn.qinghai.ledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/**
 * Every event of the published language has its Chinese name, and so does every aggregate it belongs
 * to: the audit trail, its exports and the event catalogue show these names, so an event published
 * without one would reach auditors as a Java class name. The events are found the way the catalogue
 * finds them: every {@code @Revision} class compiled into this jar.
 */
class ChineseNameTest {

    /** Letters only, the way a heading or a table cell says it: no class names, no punctuation. */
    static final String NAME = "\\p{IsHan}{2,12}";

    @Test
    void everyEventAndItsAggregateHaveAChineseNameAndNoTwoEventsShareOne() throws Exception {
        List<Class<?>> events = events();
        assertThat(events).as("the events of shared-events").hasSizeGreaterThanOrEqualTo(30);
        Map<String, String> byName = new HashMap<>();
        for (Class<?> event : events) {
            ChineseName name = event.getAnnotation(ChineseName.class);
            assertThat(name).as("@ChineseName on %s", event.getName()).isNotNull();
            assertThat(name.value())
                    .as("the Chinese name of %s", event.getName())
                    .matches(NAME);
            String before = byName.put(name.value(), event.getName());
            assertThat(before)
                    .as("%s is also the name of %s", name.value(), event.getName())
                    .isNull();
            ChineseName aggregate = event.getPackage().getAnnotation(ChineseName.class);
            assertThat(aggregate)
                    .as("@ChineseName on the package of %s (its aggregate)", event.getName())
                    .isNotNull();
            assertThat(aggregate.value()).matches(NAME);
        }
    }

    @Test
    void theUrgingOfATaskIsCalledWhatTheOfficeCallsIt() {
        assertThat(cn.qinghai.ledger.events.task.TaskUrgedEvent.class
                        .getAnnotation(ChineseName.class)
                        .value())
                .isEqualTo("任务催办");
        assertThat(cn.qinghai.ledger.events.task.TaskUrgedEvent.class
                        .getPackage()
                        .getAnnotation(ChineseName.class)
                        .value())
                .isEqualTo("督办事项");
    }

    /** Every class with {@code @Revision} among the compiled classes of this module. */
    static List<Class<?>> events() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(ChineseName.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Class<?>> events = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                if (name.endsWith("package-info")) {
                    continue;
                }
                Class<?> c = Class.forName(name, false, ChineseName.class.getClassLoader());
                if (c.isAnnotationPresent(Revision.class)) {
                    events.add(c);
                }
            }
        }
        return events;
    }
}
