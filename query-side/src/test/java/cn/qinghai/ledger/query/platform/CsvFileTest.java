package cn.qinghai.ledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The exports' CSV as a reader sees it: what Commons CSV's own parser reads back from a file with awkward
 * cells (quotes, commas, line breaks, Chinese, formula-like text) is what was written, defused; and the bytes
 * are the ones the exports wrote before they were written by Commons CSV (BOM, CRLF, the quoting).
 */
class CsvFileTest {

    static final List<Object> AWKWARD = Arrays.asList(
            "他说\"好\"",
            "甲,乙",
            "第一行\r\n第二行",
            "只有\n换行",
            "青海省卫生健康委员会",
            "=1+1",
            "+86 971",
            "-2+3;=1+1",
            "@SUM(A1)",
            "\tTab",
            "\rCR",
            "'已有撇号",
            "",
            " 前后空格 ",
            12,
            -3,
            2.5,
            null,
            "\"",
            "a\"\"b",
            "；、，。",
            "😀");

    /** The file after its byte order mark, which it must have. */
    static String text(byte[] file) {
        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        return new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
    }

    static List<List<String>> parse(String text) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder()
                .setFormat(CSVFormat.RFC4180)
                .setReader(new StringReader(text))
                .get()) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        }
        return rows;
    }

    static List<String> expectedBack(List<Object> cells) {
        return cells.stream()
                .map(c -> c == null ? "" : c instanceof Number ? c.toString() : CsvCells.defused(c.toString()))
                .toList();
    }

    @Test
    void awkwardCellsComeBackThroughTheParserExactlyAsWrittenAndDefused() throws IOException {
        for (var format : List.of(CsvFile.TEXT_QUOTED, CsvFile.ALL_BUT_EMPTY_QUOTED)) {
            byte[] file = CsvFile.utf8WithBom(
                    format,
                    csv -> csv.record(List.of("列一", "列二"))
                            .record(AWKWARD)
                            .emptyLine()
                            .record(List.of("最后")));
            List<List<String>> rows = parse(text(file));

            assertThat(rows).hasSize(4);
            assertThat(rows.get(0)).containsExactly("列一", "列二");
            assertThat(rows.get(1)).containsExactlyElementsOf(expectedBack(AWKWARD));
            assertThat(rows.get(1))
                    .contains(
                            "'=1+1",
                            "'+86 971",
                            "'-2+3;=1+1",
                            "'@SUM(A1)",
                            "'\tTab",
                            "'\rCR",
                            "他说\"好\"",
                            "第一行\r\n第二行",
                            "只有\n换行",
                            "'已有撇号");
            assertThat(rows.get(2)).containsExactly("");
            assertThat(rows.get(3)).containsExactly("最后");
        }
    }

    @Test
    void textIsQuotedNumbersAreBareNullIsEmptyAndLinesEndInCrLf() {
        byte[] file = CsvFile.utf8WithBom(
                CsvFile.TEXT_QUOTED,
                csv -> csv.record(List.of("标题")).emptyLine().record(Arrays.asList("甲,\"乙\"", 3, null, "", "=x", 1.5)));

        assertThat(text(file)).isEqualTo("\"标题\"\r\n\r\n\"甲,\"\"乙\"\"\",3,,\"\",\"'=x\",1.5\r\n");
    }

    @Test
    void theAuditTrailsDialectQuotesEveryCellButAnEmptyOneUnderBareColumnNames() {
        byte[] file = CsvFile.utf8WithBom(
                CsvFile.ALL_BUT_EMPTY_QUOTED,
                csv -> csv.record(List.of("position", "reason", "payload"), CsvFile.MINIMAL)
                        .record(Arrays.asList("7", null, "{\"a\":\"b,c\"}")));

        assertThat(text(file)).isEqualTo("position,reason,payload\r\n\"7\",,\"{\"\"a\"\":\"\"b,c\"\"}\"\r\n");
    }
}
