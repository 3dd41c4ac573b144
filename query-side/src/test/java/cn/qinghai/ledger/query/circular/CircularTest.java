package cn.qinghai.ledger.query.circular;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinghai.ledger.events.task.*;
import cn.qinghai.ledger.query.platform.InMemoryMongo;
import cn.qinghai.ledger.query.roster.RosterFixture;
import cn.qinghai.ledger.query.roster.RosterQueries;
import cn.qinghai.ledger.query.tasklist.TaskFixture;
import cn.qinghai.ledger.query.tasklist.TaskProjection;
import cn.qinghai.ledger.testsupport.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The circular (通报) of a period: its statistics, and its CSV and Excel files. */
class CircularTest {

    static final String CID = "c";
    static final TaskSource DIRECT = TaskSource.direct("批示");
    static final String TRICKY_TITLE = "=HYPERLINK(\"http://x\"),推进用地保障";

    InMemoryMongo mongo;
    MutableClock clock;
    CircularQueries queries;

    @BeforeEach
    void setUp() {
        mongo = new InMemoryMongo();
        clock = MutableClock.on(day("2025-04-10"));
        RosterFixture.seed(mongo.db, CID);
        TaskFixture tasks = new TaskFixture(mongo.db, clock);
        queries = new CircularQueries(tasks.readModel, new RosterQueries(mongo.db), tasks.rag);
        TaskProjection p = tasks.projection;

        // health: one task assigned in March and late at its end, one assigned in February and closed in time
        p.on(
                new TaskAssignedEvent(
                        "ta",
                        CID,
                        TRICKY_TITLE,
                        "health",
                        List.of("education"),
                        day("2025-03-14"),
                        DIRECT,
                        day("2025-03-03")),
                0);
        p.on(new ProgressReportedEvent("ta", "health", 30, "推进中", at("2025-03-05T10:00:00+08:00")), 1);
        p.on(new ProgressReportedEvent("ta", "education", 10, "配合", at("2025-03-06T10:00:00+08:00")), 2);
        p.on(new TaskUrgedEvent("ta", "请加快", at("2025-03-20T10:00:00+08:00")), 3, "office", "OFFICE");
        p.on(
                new TaskAssignedEvent(
                        "tc", CID, "已办结事项", "health", List.of(), day("2025-03-14"), DIRECT, day("2025-02-20")),
                0);
        p.on(new CompletionSubmittedEvent("tc", "health", "完成", List.of(), day("2025-03-10")), 1);
        p.on(new TaskClosedEvent("tc", "销号", day("2025-03-11"), day("2025-03-14"), day("2025-03-10"), true), 2);
        // education: one open, not due yet
        p.on(
                new TaskAssignedEvent(
                        "te", CID, "师资培训", "education", List.of(), day("2025-04-30"), DIRECT, day("2025-03-10")),
                0);
        // finance: submitted in time in March, closed in April: open at the end of March but not late
        p.on(
                new TaskAssignedEvent(
                        "tf", CID, "补贴资金", "finance", List.of(), day("2025-03-20"), DIRECT, day("2025-03-05")),
                0);
        p.on(new CompletionSubmittedEvent("tf", "finance", "已拨付", List.of(), day("2025-03-19")), 1);
        p.on(new TaskClosedEvent("tf", "销号", day("2025-04-02"), day("2025-03-20"), day("2025-03-19"), true), 2);
        // assigned after the period: not counted
        p.on(
                new TaskAssignedEvent(
                        "tg", CID, "四月事项", "finance", List.of(), day("2025-05-30"), DIRECT, day("2025-04-03")),
                0);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void theCircularCountsEachUnitsPeriodAndListsWhatIsOverdueAtItsEnd() {
        CircularView march = march();

        assertThat(march.asOf()).isEqualTo(day("2025-03-31"));
        assertThat(march.units())
                .containsExactly(
                        new CircularUnitRow(CID, "health", "省卫生健康委", 1, 1, 1, 1, 1, 1, 1),
                        new CircularUnitRow(CID, "education", "省教育厅", 1, 0, 0, 0, 1, 1, 0),
                        new CircularUnitRow(CID, "finance", "省财政厅", 1, 0, 0, 0, 1, 0, 0));
        assertThat(march.totals()).isEqualTo(new CircularUnitRow(CID, null, "合计", 3, 1, 1, 1, 3, 2, 1));
        assertThat(march.overdue())
                .containsExactly(new OverdueTaskRow(
                        "ta",
                        CID,
                        TRICKY_TITLE,
                        "health",
                        "省卫生健康委",
                        day("2025-03-14"),
                        11,
                        TaskStatus.IN_PROGRESS,
                        at("2025-03-06T10:00:00+08:00")));
    }

    @Test
    void aPeriodStillRunningIsCountedUpToToday() {
        CircularView april = queries.handle(new FindCircularQuery(CID, day("2025-04-01"), day("2025-04-30")));

        assertThat(april.asOf()).isEqualTo(day("2025-04-10"));
        assertThat(april.totals().assigned()).isEqualTo(1);
        assertThat(april.totals().closed()).isEqualTo(1);
        assertThat(april.totals().open()).as("ta, te, tg").isEqualTo(3);
    }

    @Test
    void theCsvHasAByteOrderMarkChineseHeadersAndNoFormulas() {
        byte[] file = CircularExports.csv(march());

        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\"督办事项通报（2025年3月1日至2025年3月31日，统计截至2025年3月31日）\"\r\n");
        assertThat(text.lines().toList())
                .contains(
                        "\"成员单位\",\"交办事项\",\"办结\",\"按期办结\",\"未办结\",\"逾期\",\"报送进展\",\"催办\"",
                        "\"省卫生健康委\",1,1,1,1,1,1,1",
                        "\"合计\",3,1,1,3,1,2,1",
                        "\"'=HYPERLINK(\"\"http://x\"\"),推进用地保障\",\"省卫生健康委\",\"2025年3月14日\",11,\"办理中\","
                                + "\"2025年3月6日 10:00\",\"ta\"");
    }

    @Test
    void theWorkbookOpensWithItsRows() throws IOException {
        byte[] file = CircularExports.xlsx(march());

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet units = workbook.getSheet("通报");
            assertThat(units.getRow(2).getCell(0).getStringCellValue()).isEqualTo("成员单位");
            assertThat(units.getRow(3).getCell(0).getStringCellValue()).isEqualTo("省卫生健康委");
            assertThat(units.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(1.0);
            assertThat(units.getRow(6).getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(units.getRow(6).getCell(4).getNumericCellValue())
                    .as("未办结")
                    .isEqualTo(3.0);
            Sheet overdue = workbook.getSheet("逾期事项");
            assertThat(overdue.getRow(0).getCell(0).getStringCellValue()).isEqualTo("督办事项");
            assertThat(overdue.getRow(1).getCell(6).getStringCellValue()).isEqualTo("ta");
            assertThat(overdue.getRow(1).getCell(0).getStringCellValue()).startsWith("'=");
            assertThat(overdue.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(11.0);
            assertThat(overdue.getLastRowNum()).isEqualTo(1);
        }
    }

    @Test
    void theAcceptHeaderChoosesTheFormatAndJsonIsTheDefault() {
        assertThat(CircularController.negotiate(null)).isEqualTo(CircularController.Format.JSON);
        assertThat(CircularController.negotiate("*/*")).isEqualTo(CircularController.Format.JSON);
        assertThat(CircularController.negotiate("text/csv")).isEqualTo(CircularController.Format.CSV);
        assertThat(CircularController.negotiate("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .isEqualTo(CircularController.Format.XLSX);
        assertThat(CircularController.negotiate("text/csv;q=0.5, application/json"))
                .isEqualTo(CircularController.Format.JSON);
        assertThat(CircularController.negotiate("text/html, text/csv;q=0.9")).isEqualTo(CircularController.Format.CSV);
    }

    private CircularView march() {
        return queries.handle(new FindCircularQuery(CID, day("2025-03-01"), day("2025-03-31")));
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    static OffsetDateTime at(String iso) {
        return OffsetDateTime.parse(iso);
    }
}
