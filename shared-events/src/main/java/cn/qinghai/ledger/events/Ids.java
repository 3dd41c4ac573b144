package cn.qinghai.ledger.events;

import java.util.regex.Pattern;

/** Client-chosen ids: 1–64 characters from {@code [A-Za-z0-9._-]}. */
public final class Ids {

    public static final String PATTERN = "[A-Za-z0-9._-]{1,64}";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Ids() {}

    public static boolean isValid(String id) {
        return id != null && COMPILED.matcher(id).matches();
    }
}
