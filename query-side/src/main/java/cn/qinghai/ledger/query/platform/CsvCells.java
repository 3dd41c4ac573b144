package cn.qinghai.ledger.query.platform;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Cells of the CSV exports (RFC 4180), safe to open in a spreadsheet whatever separator it assumes:
 * every text cell is quoted, so no reader splits it (a semicolon reader would have cut
 * {@code -2+3;=1+1} into a second cell starting with {@code =}), and text a spreadsheet would run as a
 * formula ({@code = + - @}, tab or carriage return first) gets a leading apostrophe. Numbers are
 * written as they are.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** One cell: a number as is, null as empty, anything else as defused, quoted text. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        return quoted(defused(value.toString()));
    }

    /** Text with a leading apostrophe when a spreadsheet would take it for a formula. */
    public static String defused(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** Text in double quotes, inner quotes doubled. */
    public static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** One line of cells, comma separated, ending in CRLF. */
    public static String line(List<?> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        return out.append("\r\n").toString();
    }

    /** {@code text} in UTF-8 after a byte order mark, without which Excel reads the Chinese as mojibake. */
    public static byte[] utf8WithBom(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bytes.length + 3];
        file[0] = (byte) 0xEF;
        file[1] = (byte) 0xBB;
        file[2] = (byte) 0xBF;
        System.arraycopy(bytes, 0, file, 3, bytes.length);
        return file;
    }
}
