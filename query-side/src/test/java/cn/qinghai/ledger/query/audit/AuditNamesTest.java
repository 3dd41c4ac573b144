package cn.qinghai.ledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Chinese names the trail shows, and what a search of the type filter means. */
class AuditNamesTest {

    @Test
    void typesAggregatesAndRolesHaveTheirChineseNames() {
        assertThat(AuditNames.type("TaskUrgedEvent")).isEqualTo("任务催办");
        assertThat(AuditNames.type("ConferenceEstablishedEvent")).isEqualTo("联席会议设立");
        assertThat(AuditNames.type("SomeRetiredEvent"))
                .as("unknown: the reader shows the recorded name")
                .isNull();
        assertThat(AuditNames.aggregateType("Task")).isEqualTo("督办事项");
        assertThat(AuditNames.aggregateType("Conference")).isEqualTo("联席会议");
        assertThat(AuditNames.aggregateType("Meeting")).isEqualTo("会议");
        assertThat(AuditNames.role("SYSTEM")).isEqualTo("系统");
        assertThat(AuditNames.role("OFFICE")).isEqualTo("联席会议办公室");
        assertThat(AuditNames.role("NOBODY")).isNull();
    }

    @Test
    void aTypeIsSearchedByItsClassNameOrChineseNameOrAPartOfEither() {
        assertThat(AuditNames.typesMatching("催办")).contains("TaskUrgedEvent");
        assertThat(AuditNames.typesMatching("任务催办")).contains("TaskUrgedEvent");
        assertThat(AuditNames.typesMatching("urged")).contains("TaskUrgedEvent");
        assertThat(AuditNames.typesMatching("TaskUrgedEvent")).containsExactly("TaskUrgedEvent");
        assertThat(AuditNames.typesMatching("纪要"))
                .contains("MinutesSignedEvent", "MinutesIssuedEvent")
                .doesNotContain("TaskUrgedEvent");
        assertThat(AuditNames.typesMatching("RetiredEvent"))
                .as("a stored type this version no longer has")
                .containsExactly("RetiredEvent");
    }
}
