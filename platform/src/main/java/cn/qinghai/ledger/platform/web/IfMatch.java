package cn.qinghai.ledger.platform.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version a client expects its target aggregate to be at, from its {@code If-Match} header (an
 * {@code ETag} it received: {@code "3"}). A command sent with it is refused (409) when changes that
 * matter to it were made since that version; {@link #NONE} expects nothing. Controllers take it as a
 * request header ({@code @RequestHeader("If-Match") IfMatch}), converted by {@link #parse}.
 */
public record IfMatch(Long version) {

    public static final IfMatch NONE = new IfMatch(null);
    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

    /** The header's version; {@link #NONE} for no header; a malformed one is refused (400). */
    public static IfMatch parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        Matcher m = ETAG.matcher(header.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("If-Match must be the version from an ETag, e.g. \"3\"");
        }
        return new IfMatch(Long.parseLong(m.group(1)));
    }
}
