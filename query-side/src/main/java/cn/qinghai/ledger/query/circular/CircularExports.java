package cn.qinghai.ledger.query.circular;

import cn.qinghai.ledger.events.task.CircularUnitRow;
import cn.qinghai.ledger.events.task.CircularView;
import cn.qinghai.ledger.events.task.OverdueTaskRow;
import cn.qinghai.ledger.events.task.TaskStatus;
import cn.qinghai.ledger.query.platform.ChineseText;
import cn.qinghai.ledger.query.platform.CsvCells;
import cn.qinghai.ledger.query.platform.CsvFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.MediaType;

/**
 * The circular (通报) as files to print and pass on: CSV in UTF-8 with a byte order mark (so that
 * Excel reads the Chinese correctly), written by Commons CSV ({@link CsvFile}), and an Excel workbook. Headers are Chinese, as the office prints
 * them. A cell that a spreadsheet would take for a formula is prefixed with an apostrophe.
 */
final class CircularExports {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** The columns in the order the circular page shows them (names, not codes: the file is printed). */
    static final List<String> UNIT_HEADERS = List.of("成员单位", "交办事项", "办结", "按期办结", "未办结", "逾期", "报送进展", "催办");
    /** The page's overdue columns in its order, then what only the file carries: last report, task number. */
    static final List<String> OVERDUE_HEADERS = List.of("督办事项", "牵头单位", "办结时限", "逾期工作日", "办理状态", "最近报送进展", "事项编号");

    private CircularExports() {}

    static String title(CircularView view) {
        return "督办事项通报（" + ChineseText.date(view.from()) + "至" + ChineseText.date(view.to()) + "，统计截至"
                + ChineseText.date(view.asOf()) + "）";
    }

    static String filename(CircularView view, String extension) {
        return "通报_" + view.from() + "_" + view.to() + "." + extension;
    }

    static byte[] csv(CircularView view) {
        return CsvFile.utf8WithBom(CsvFile.TEXT_QUOTED, file -> {
            file.record(List.of(title(view))).emptyLine();
            file.record(UNIT_HEADERS);
            for (CircularUnitRow row : view.units()) {
                file.record(unitCells(row));
            }
            file.record(unitCells(view.totals())).emptyLine();
            file.record(List.of("逾期事项"));
            file.record(OVERDUE_HEADERS);
            for (OverdueTaskRow row : view.overdue()) {
                file.record(overdueCells(row));
            }
        });
    }

    static byte[] xlsx(CircularView view) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle strong = workbook.createCellStyle();
            strong.setFont(bold);

            Sheet units = workbook.createSheet("通报");
            cells(units.createRow(0), List.of(title(view)), strong);
            cells(units.createRow(2), UNIT_HEADERS, strong);
            int r = 3;
            for (CircularUnitRow row : view.units()) {
                cells(units.createRow(r++), unitCells(row), null);
            }
            cells(units.createRow(r), unitCells(view.totals()), strong);
            widths(units, 24, 10, 8, 10, 8, 8, 10, 8);

            Sheet overdue = workbook.createSheet("逾期事项");
            cells(overdue.createRow(0), OVERDUE_HEADERS, strong);
            r = 1;
            for (OverdueTaskRow row : view.overdue()) {
                cells(overdue.createRow(r++), overdueCells(row), null);
            }
            widths(overdue, 40, 24, 16, 10, 12, 24, 16);

            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the circular workbook", e);
        }
    }

    private static List<Object> unitCells(CircularUnitRow row) {
        List<Object> cells = new ArrayList<>();
        cells.add(row.unitName() == null ? row.unitCode() : row.unitName());
        cells.add(row.assigned());
        cells.add(row.closed());
        cells.add(row.closedOnTime());
        cells.add(row.open());
        cells.add(row.overdue());
        cells.add(row.reports());
        cells.add(row.urgings());
        return cells;
    }

    private static List<Object> overdueCells(OverdueTaskRow row) {
        List<Object> cells = new ArrayList<>();
        cells.add(row.title());
        cells.add(row.leadUnitName() == null ? row.leadUnitCode() : row.leadUnitName());
        cells.add(ChineseText.date(row.dueDate()));
        cells.add(row.overdueWorkingDays());
        cells.add(status(row.status()));
        cells.add(
                row.lastReportAt() == null
                        ? null
                        : ChineseText.date(row.lastReportAt().toLocalDate()) + " "
                                + row.lastReportAt().toLocalTime().withSecond(0).withNano(0));
        cells.add(row.taskId());
        return cells;
    }

    static String status(TaskStatus status) {
        return ChineseText.status(status);
    }

    private static void cells(Row row, List<?> values, CellStyle style) {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            var cell = row.createCell(i);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value != null) {
                cell.setCellValue(CsvCells.defused(value.toString()));
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    private static void widths(Sheet sheet, int... characters) {
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, characters[i] * 256);
        }
    }
}
