package cn.qinghai.ledger.query.tasklist;

import cn.qinghai.ledger.events.task.TaskSource;
import cn.qinghai.ledger.events.task.TaskStatus;
import cn.qinghai.ledger.events.task.TaskView;
import cn.qinghai.ledger.query.platform.ChineseText;
import cn.qinghai.ledger.query.platform.CsvCells;
import cn.qinghai.ledger.query.platform.CsvFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.MediaType;

/**
 * The supervision ledger (督办台账) as the office keeps it on paper: one line per task, columns in the
 * office's order, units by name, dates as {@code 2025年3月1日}, the row number an integer. CSV in UTF-8
 * with a byte order mark (so that Excel reads the Chinese), written by Commons CSV ({@link CsvFile}), and an
 * Excel workbook; a cell that a
 * spreadsheet would take for a formula is defused as in every export ({@link CsvCells}).
 */
final class TaskLedgerExport {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    static final List<String> HEADERS =
            List.of("序号", "事项", "来源（纪要文号/交办）", "牵头单位", "配合单位", "办结时限", "进展情况", "状态", "办结/销号日期", "备注");

    private TaskLedgerExport() {}

    static byte[] csv(List<TaskView> tasks) {
        return CsvFile.utf8WithBom(CsvFile.TEXT_QUOTED, file -> {
            file.record(HEADERS);
            for (int i = 0; i < tasks.size(); i++) {
                file.record(cells(i + 1, tasks.get(i)));
            }
        });
    }

    static byte[] xlsx(List<TaskView> tasks) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle strong = workbook.createCellStyle();
            strong.setFont(bold);
            CellStyle wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);

            Sheet sheet = workbook.createSheet("督办台账");
            write(sheet.createRow(0), HEADERS, strong);
            for (int i = 0; i < tasks.size(); i++) {
                write(sheet.createRow(i + 1), cells(i + 1, tasks.get(i)), wrapped);
            }
            sheet.createFreezePane(0, 1);
            int[] widths = {6, 36, 22, 20, 28, 14, 48, 10, 14, 30};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the supervision ledger workbook", e);
        }
    }

    /** One task's cells, in the order of {@link #HEADERS}. */
    static List<Object> cells(int number, TaskView task) {
        List<Object> cells = new ArrayList<>();
        cells.add(number);
        cells.add(task.title());
        cells.add(source(task.source()));
        cells.add(name(task.lead()));
        cells.add(String.join(
                "、", task.coUnits().stream().map(TaskLedgerExport::name).toList()));
        cells.add(ChineseText.date(task.dueDate()));
        cells.add(progress(task));
        cells.add(ChineseText.status(task.status()));
        cells.add(ChineseText.date(finishedOn(task)));
        cells.add(remarks(task));
        return cells;
    }

    /** The minutes' document number of an agreed matter; 交办 and its reference for a direct instruction. */
    static String source(TaskSource source) {
        if (source == null || source.kind() == null) {
            return null;
        }
        return switch (source.kind()) {
            case DECISION -> source.minutesDocumentNo() != null ? source.minutesDocumentNo() : "会议议定事项";
            case DIRECT_INSTRUCTION ->
                source.reference() == null || source.reference().isBlank() ? "交办" : "交办：" + source.reference();
        };
    }

    /** A unit by its name; its code only when the roster does not know it. */
    private static String name(TaskView.Unit unit) {
        return unit == null ? null : unit.name() != null ? unit.name() : unit.unitCode();
    }

    /**
     * What the office reads first: the completion the lead unit reported, else the latest progress report
     * (when, who, what, how far), else that none has come in.
     */
    static String progress(TaskView task) {
        if (task.completion() != null) {
            return ChineseText.date(task.completion().submittedOn()) + "报送办结："
                    + task.completion().summary();
        }
        if (task.progress().isEmpty()) {
            return "尚未报送进展";
        }
        TaskView.Progress latest = task.progress().get(task.progress().size() - 1);
        String unit = latest.unitName() != null ? latest.unitName() : latest.unitCode();
        String on = latest.reportedAt() == null
                ? ""
                : ChineseText.date(latest.reportedAt().toLocalDate());
        return on + unit + "报送：" + latest.summary() + "（完成" + latest.percentComplete() + "%）";
    }

    /** 销号 date once closed; the date the completion was submitted while it awaits closing. */
    static java.time.LocalDate finishedOn(TaskView task) {
        if (task.closure() != null) {
            return task.closure().closedOn();
        }
        return task.status() == TaskStatus.COMPLETION_SUBMITTED && task.completion() != null
                ? task.completion().submittedOn()
                : null;
    }

    /** Extension, lateness, urgings, returns and the closing note, as the office notes them. */
    static String remarks(TaskView task) {
        List<String> notes = new ArrayList<>();
        if (task.originalDueDate() != null && !Objects.equals(task.originalDueDate(), task.dueDate())) {
            notes.add("原时限" + ChineseText.date(task.originalDueDate()) + "，已延期");
        }
        if (task.closure() != null) {
            notes.add(task.closure().onTime() ? "按期办结" : "逾期办结");
        } else if (task.overdue()) {
            notes.add("已逾期");
        }
        if (!task.urgings().isEmpty()) {
            notes.add("催办" + task.urgings().size() + "次");
        }
        if (!task.returns().isEmpty()) {
            notes.add("退回重办" + task.returns().size() + "次");
        }
        if (task.closure() != null
                && task.closure().note() != null
                && !task.closure().note().isBlank()) {
            notes.add(task.closure().note());
        }
        return String.join("；", notes);
    }

    private static void write(Row row, List<?> values, CellStyle style) {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            var cell = row.createCell(i);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value != null) {
                cell.setCellValue(CsvCells.defused(value.toString()));
            }
            cell.setCellStyle(style);
        }
    }
}
