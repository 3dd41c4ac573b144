package cn.qinghai.ledger.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinghai.ledger.events.task.TaskAssignedEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The catalogue is generated from shared-events, and {@code docs/event-catalogue.md} is that
 * generation: a change of an event without regenerating the document fails here. Regenerate with
 * {@code ./mvnw -pl query-side -am verify -Dledger.catalogue.write=true} (a fresh copy is also written
 * to {@code query-side/target/event-catalogue.md} on every run).
 */
class EventCatalogueTest {

    static final Path COMMITTED = Path.of("..", "docs", "event-catalogue.md");

    @Test
    void everyEventRecordIsCataloguedWithItsRevisionFieldsAndCloudEventsType() {
        EventCatalogue.Catalogue catalogue = EventCatalogue.generate();
        assertThat(catalogue.events())
                .extracting(EventCatalogue.Event::aggregate)
                .contains("conference", "meeting", "task")
                .containsOnly("conference", "meeting", "task", "circular", "reporting");
        assertThat(catalogue.events()).allSatisfy(e -> {
            assertThat(e.revision()).isNotBlank();
            assertThat(e.type()).endsWith(".v" + e.revision());
            assertThat(e.nameZh())
                    .as("the Chinese name of %s (@ChineseName)", e.name())
                    .isNotBlank();
            assertThat(e.aggregateZh())
                    .as("the Chinese name of the aggregate %s", e.aggregate())
                    .isNotBlank();
        });
        assertThat(catalogue.events()).extracting(EventCatalogue.Event::nameZh).doesNotHaveDuplicates();
        EventCatalogue.Event assigned = catalogue.events().stream()
                .filter(e -> e.javaClass().equals(TaskAssignedEvent.class.getName()))
                .findFirst()
                .orElseThrow();
        assertThat(assigned.type()).isEqualTo("cn.qinghai.ledger.task.TaskAssigned.v1");
        assertThat(assigned.source()).isEqualTo("urn:ledger:task");
        assertThat(assigned.nameZh()).isEqualTo("任务交办");
        assertThat(assigned.aggregateZh()).isEqualTo("督办事项");
        assertThat(assigned.fields())
                .extracting(f -> f.name() + ": " + f.type())
                .containsExactly(
                        "taskId: String",
                        "conferenceId: String",
                        "title: String",
                        "leadUnitCode: String",
                        "coUnitCodes: List<String>",
                        "dueDate: LocalDate",
                        "source: TaskSource",
                        "assignedOn: LocalDate");
        assertThat(catalogue.valueTypes())
                .extracting(EventCatalogue.ValueType::name)
                .contains("TaskSource", "TaskSource.Kind", "Person", "SeatRole");
        EventCatalogue.ValueType kind = catalogue.valueTypes().stream()
                .filter(t -> t.name().equals("TaskSource.Kind"))
                .findFirst()
                .orElseThrow();
        assertThat(kind.values()).containsExactly("DECISION", "DIRECT_INSTRUCTION");
    }

    @Test
    void theCommittedCatalogueIsTheGeneratedOne() throws IOException {
        String generated = EventCatalogue.markdown(EventCatalogue.generate());
        Files.writeString(Path.of("target", "event-catalogue.md"), generated, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("ledger.catalogue.write")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(COMMITTED))
                .as("docs/event-catalogue.md exists (regenerate with " + "-Dledger.catalogue.write=true)")
                .isTrue();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("docs/event-catalogue.md is out of date: regenerate with "
                        + "./mvnw -pl query-side -am verify -Dledger.catalogue.write=true")
                .isEqualTo(generated);
    }
}
