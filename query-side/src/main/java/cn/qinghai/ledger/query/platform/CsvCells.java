package cn.qinghai.ledger.query.platform;

/**
 * The one rule every export keeps for a spreadsheet's sake, in CSV and in Excel alike: text a spreadsheet
 * would run as a formula ({@code = + - @}, tab or carriage return first) gets a leading apostrophe. The
 * quoting that keeps a reader from splitting a cell is {@link CsvFile}'s (Commons CSV).
 */
public final class CsvCells {

    private CsvCells() {}

    /** Text with a leading apostrophe when a spreadsheet would take it for a formula. */
    public static String defused(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** A cell's value: a number or null as it is, anything else as defused text. */
    public static Object defused(Object value) {
        return value == null || value instanceof Number ? value : defused(value.toString());
    }
}
