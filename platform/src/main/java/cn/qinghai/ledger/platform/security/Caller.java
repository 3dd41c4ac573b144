package cn.qinghai.ledger.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting in the current thread: the signed-in user, or {@link #SYSTEM} for the service's own
 * work (seed loading, deadlines).
 */
public record Caller(String username, Role role, String unitCode, String conferenceId) {

    public static final String SYSTEM_USER = "system";
    public static final Caller SYSTEM = new Caller(SYSTEM_USER, null, null, null);

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof LedgerUser user) {
            return new Caller(user.getUsername(), user.role(), user.unitCode(), user.conferenceId());
        }
        return SYSTEM;
    }

    public boolean is(Role other) {
        return role == other;
    }

    /**
     * Whether this caller may act in {@code conference}: every caller bound to no conference may, a unit
     * user only in its own.
     */
    public boolean actsIn(String conference) {
        return conferenceId == null || conferenceId.equals(conference);
    }

    /** The role as it goes into event metadata: a {@link Role} name, or SYSTEM. */
    public String roleName() {
        return role == null ? Role.SYSTEM : role.name();
    }
}
