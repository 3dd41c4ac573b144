package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The supervision ledger (督办台账) downloaded as the office prints it: the task list's filters, the
 * office's columns in its order, unit names, Chinese dates, integer row numbers, CSV with a BOM and
 * no cell a spreadsheet would run, and the same rows in an Excel workbook.
 */
class TaskLedgerExportEndToEndTest extends SeedLedgerOnATestClock {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> HEADERS =
            List.of("序号", "事项", "来源（纪要文号/交办）", "牵头单位", "配合单位", "办结时限", "进展情况", "状态", "办结/销号日期", "备注");

    void created(LedgerApi.Response response) {
        assertThat(response.status()).as(response.raw()).isBetween(200, 201);
    }

    void twoTasksOneWithProgress() {
        created(api.post("office", "/api/tasks", """
                {"taskId":"x-1","conferenceId":"qh-infant-care","title":"=1+1 起草托育服务实施方案",
                 "leadUnitCode":"education","coUnitCodes":["finance","health"],"dueDate":"2026-06-30",
                 "source":"省政府办公厅交办单"}"""));
        created(api.post("office", "/api/tasks", """
                {"taskId":"x-2","conferenceId":"qh-infant-care","title":"测算资金规模","leadUnitCode":"finance",
                 "dueDate":"2026-04-30","source":"办公室通知"}"""));
        created(api.post("unit-education", "/api/tasks/x-1/acknowledgement", "{}"));
        created(api.post("unit-education", "/api/tasks/x-1/progress", "{\"percentComplete\":60,\"summary\":\"初稿完成\"}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var list = api.get("viewer", "/api/tasks?conferenceId=" + CID).body();
            return list.path("total").asInt() == 2
                    && list.get("items").findValuesAsText("latestPercent").contains("60");
        });
    }

    static final List<String> X1 = List.of(
            "1",
            "'=1+1 起草托育服务实施方案",
            "交办：省政府办公厅交办单",
            "省教育厅",
            "省财政厅、省卫生健康委",
            "2026年6月30日",
            "2026年3月2日省教育厅报送：初稿完成（完成60%）",
            "办理中",
            "",
            "");

    @Test
    void theLedgerAsCsvHasTheOfficesColumnsNamesAndDatesAndFollowsTheListsFilters() {
        twoTasksOneWithProgress();

        LedgerApi.Download all = api.download("viewer", "/api/tasks/export?conferenceId=" + CID + "&format=csv", null);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.contentType()).startsWith("text/csv");
        assertThat(all.contentDisposition()).startsWith("attachment").contains(".csv");
        assertThat(Arrays.copyOf(all.bytes(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = csv(all.bytes());
        assertThat(rows.get(0)).containsExactlyElementsOf(HEADERS);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).subList(0, 4)).containsExactly("1", "测算资金规模", "交办：办公室通知", "省财政厅"); // due first
        assertThat(rows.get(1).get(7)).isEqualTo("已交办");
        assertThat(rows.get(1).get(6)).isEqualTo("尚未报送进展");
        assertThat(rows.get(2)).containsExactlyElementsOf(withNumber(X1, "2"));

        LedgerApi.Download education =
                api.download("viewer", "/api/tasks/export?conferenceId=" + CID + "&unit=education&format=csv", null);
        assertThat(csv(education.bytes())).containsExactly(HEADERS, X1);
        LedgerApi.Download assigned = api.download("unit-health", "/api/tasks/export?status=ASSIGNED", null);
        assertThat(csv(assigned.bytes())).extracting(row -> row.get(1)).containsExactly("事项", "测算资金规模");

        assertThat(api.download("viewer", "/api/tasks/export?format=pdf", null).status())
                .isEqualTo(400);
        assertThat(api.download("viewer", "/api/tasks/export?status=DONE", null).status())
                .isEqualTo(400);
        assertThat(api.download(null, "/api/tasks/export", null).status()).isEqualTo(401);
    }

    @Test
    void theLedgerAsExcelOpensWithTheSameHeaderAndRows() throws Exception {
        twoTasksOneWithProgress();

        LedgerApi.Download file =
                api.download("viewer", "/api/tasks/export?conferenceId=" + CID + "&unit=education&format=xlsx", null);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).isEqualTo(XLSX);
        assertThat(file.contentDisposition()).contains(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.bytes()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("督办台账");
            assertThat(cells(sheet.getRow(0))).containsExactlyElementsOf(HEADERS);
            assertThat(cells(sheet.getRow(1))).containsExactlyElementsOf(X1);
            assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
        }
    }

    private static List<String> withNumber(List<String> row, String number) {
        List<String> copy = new ArrayList<>(row);
        copy.set(0, number);
        return copy;
    }

    private static List<String> cells(Row row) {
        DataFormatter formatter = new DataFormatter();
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < HEADERS.size(); i++) {
            cells.add(row.getCell(i) == null ? "" : formatter.formatCellValue(row.getCell(i)));
        }
        return cells;
    }

    /** The file after its BOM, line by line, each cell unquoted (no cell here holds a line break). */
    private static List<List<String>> csv(byte[] bytes) {
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\r\n")) {
            rows.add(unquoted(line));
        }
        return rows;
    }

    private static List<String> unquoted(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
