package cn.qinghai.ledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    /** How a spreadsheet reads a line with {@code separator}: quotes respected, doubled quotes unescaped. */
    static List<String> read(String line, char separator) {
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
            } else if (c == separator && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    @Test
    void noCellStartsAFormulaWhateverTheSeparatorTheReaderAssumes() {
        List<Object> values = List.of("-2+3;=1+1", "a,=b", "@SUM(A1)", "=HYPERLINK(\"x\")", "\t=1", "普通文字", 12, "x;+1");
        String line = CsvFileTest.text(CsvFile.utf8WithBom(CsvFile.TEXT_QUOTED, file -> file.record(values)))
                .replace("\r\n", "");
        for (char separator : new char[] {',', ';', '\t'}) {
            for (String cell : read(line, separator)) {
                assertThat(cell)
                        .as("separator '%s' in %s", separator, line)
                        .doesNotStartWith("=")
                        .doesNotStartWith("+")
                        .doesNotStartWith("-")
                        .doesNotStartWith("@")
                        .doesNotStartWith("\t");
            }
        }
        assertThat(read(line, ','))
                .containsExactly(
                        "'-2+3;=1+1", "a,=b", "'@SUM(A1)", "'=HYPERLINK(\"x\")", "'\t=1", "普通文字", "12", "x;+1");
    }
}
