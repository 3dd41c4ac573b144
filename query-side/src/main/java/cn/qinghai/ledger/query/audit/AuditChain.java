package cn.qinghai.ledger.query.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain over the event stream in global order:
 * <pre>
 *   link(-1) = 32 zero bytes                                (genesis)
 *   link(n)  = SHA-256( link(n-1) || digest(n) )            digest(n) = SHA-256(canonical bytes of event n)
 * </pre>
 * where n runs over the stored events in ascending global position and the canonical bytes are those
 * of {@link CanonicalEvent}. The link of an event therefore fixes that event and every event before
 * it: keep one (position, link) pair somewhere the ledger cannot write, and any later change to the
 * history up to that position shows. Digests and links are written as lowercase hex.
 */
public final class AuditChain {

    public static final byte[] GENESIS = new byte[32];
    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {}

    public static byte[] link(byte[] previousLink, byte[] digest) {
        MessageDigest sha = sha256();
        sha.update(previousLink);
        sha.update(digest);
        return sha.digest();
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    public static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
