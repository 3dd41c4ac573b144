package cn.qinghai.ledger.query.platform;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * A CSV export written by Commons CSV: UTF-8 after a byte order mark (without which Excel reads the Chinese
 * as mojibake), RFC 4180 (comma, double quotes, inner quotes doubled, CRLF), and every text cell defused
 * ({@link CsvCells}). Text is quoted even where RFC 4180 would not need it, so that a reader assuming another
 * separator does not split it (a semicolon reader would have cut {@code -2+3;=1+1} into a second cell
 * starting with {@code =}).
 */
public final class CsvFile implements Flushable {

    /** The exports' dialect: text quoted, numbers as they are, null as an empty, unquoted cell. */
    public static final CSVFormat TEXT_QUOTED =
            CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.NON_NUMERIC).get();
    /** Every cell but an empty one quoted, numbers too (the audit trail's columns). */
    public static final CSVFormat ALL_BUT_EMPTY_QUOTED =
            CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL_NON_NULL).get();
    /** Quotes only where a cell needs them (column names that are plain identifiers). */
    public static final CSVFormat MINIMAL = CSVFormat.RFC4180;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final BufferedWriter out;
    private final CSVFormat format;
    private final CSVPrinter printer;

    private CsvFile(BufferedWriter out, CSVFormat format) throws IOException {
        this.out = out;
        this.format = format;
        this.printer = new CSVPrinter(out, format);
    }

    /** A file written to {@code out} after the byte order mark; flushed, never closed, by {@link #flush()}. */
    public static CsvFile utf8WithBom(OutputStream out, CSVFormat format) throws IOException {
        out.write(BOM);
        return new CsvFile(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024), format);
    }

    /** A small file in memory: the byte order mark, then what {@code body} writes. */
    public static byte[] utf8WithBom(CSVFormat format, Body body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CsvFile file = utf8WithBom(bytes, format);
            body.write(file);
            file.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a CSV file in memory", e);
        }
    }

    /** What writes a file's records. */
    @FunctionalInterface
    public interface Body {
        void write(CsvFile file) throws IOException;
    }

    /** One record of defused cells. */
    public CsvFile record(List<?> cells) throws IOException {
        return record(cells, printer);
    }

    /** One record of defused cells quoted as {@code other} quotes them (a header row unlike the rows below). */
    public CsvFile record(List<?> cells, CSVFormat other) throws IOException {
        if (other.equals(format)) {
            return record(cells, printer);
        }
        return record(cells, new CSVPrinter(out, other));
    }

    private CsvFile record(List<?> cells, CSVPrinter with) throws IOException {
        with.printRecord(cells.stream().map(CsvCells::defused));
        return this;
    }

    /** An empty line, as between the blocks of the circular. */
    public CsvFile emptyLine() throws IOException {
        printer.println();
        return this;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
