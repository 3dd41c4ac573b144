package cn.qinghai.ledger.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting in the current thread: the signed-in user, or {@link #SYSTEM} for the service's own
 * work (seed loading, deadlines).
 */
public record Caller(String username, Role role, String unitCode) {

    public static final String SYSTEM_USER = "system";
    public static final Caller SYSTEM = new Caller(SYSTEM_USER, null, null);

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof LedgerUser user) {
            return new Caller(user.getUsername(), user.role(), user.unitCode());
        }
        return SYSTEM;
    }

    public boolean is(Role other) {
        return role == other;
    }

    /** The role as it goes into event metadata: a {@link Role} name, or SYSTEM. */
    public String roleName() {
        return role == null ? "SYSTEM" : role.name();
    }
}
