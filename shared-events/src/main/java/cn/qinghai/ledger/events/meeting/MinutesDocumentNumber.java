package cn.qinghai.ledger.events.meeting;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minutes document number (纪要文号) such as {@code 青联办纪〔2025〕3号}: the issuing office's prefix, the
 * year in hexagonal brackets (六角括号〔〕, as the standard for official documents writes it) and the
 * serial number. People type the brackets as {@code []}, {@code ()}, {@code （）} or {@code 【】}, add
 * half-width or full-width spaces, full-width digits or a leading zero; all of these are the same number,
 * so every number is compared and stored in its {@linkplain #normalise normal form}. Both sides use it:
 * the command side before its uniqueness rule (MinutesDocumentNumberUnique), the query side to offer the
 * next number of a series.
 */
public record MinutesDocumentNumber(String prefix, int year, int serial) {

    private static final Pattern NUMBER = Pattern.compile("^(.+?)[〔\\[(（［【〖](\\d{4})[〕\\])）］】〗]0*(\\d{1,9})号$");

    /** {@code prefix〔year〕serial号}. */
    @Override
    public String toString() {
        return prefix + "〔" + year + "〕" + serial + "号";
    }

    /** The parts of {@code documentNo}, when it has the shape of a document number. */
    public static Optional<MinutesDocumentNumber> parse(String documentNo) {
        if (documentNo == null) {
            return Optional.empty();
        }
        Matcher m = NUMBER.matcher(compact(documentNo));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(
                new MinutesDocumentNumber(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }

    /**
     * The one way a number is written: {@code 青联办纪〔2025〕3号} for any of its spellings. Text without the
     * shape of a document number is kept, only without its spaces and with half-width digits; null stays null.
     */
    public static String normalise(String documentNo) {
        if (documentNo == null) {
            return null;
        }
        return parse(documentNo).map(MinutesDocumentNumber::toString).orElseGet(() -> compact(documentNo));
    }

    /** A series' prefix as it is compared: without spaces, digits half-width. */
    public static String normalisePrefix(String prefix) {
        return prefix == null ? null : compact(prefix);
    }

    /** Without any whitespace (half-width, full-width U+3000, no-break), full-width digits made half-width. */
    private static String compact(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return;
            }
            out.appendCodePoint(c >= '０' && c <= '９' ? c - '０' + '0' : c);
        });
        return out.toString();
    }
}
