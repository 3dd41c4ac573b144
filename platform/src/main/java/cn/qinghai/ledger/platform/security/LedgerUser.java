package cn.qinghai.ledger.platform.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in person: login name, role and (for unit users) the unit code they act for. The
 * password hash never leaves this object: it is not serialized and not logged.
 */
public final class LedgerUser implements UserDetails {

    private final String username;
    private final transient String passwordHash;
    private final Role role;
    private final String unitCode;
    private final String displayName;

    public LedgerUser(String username, String passwordHash, Role role, String unitCode, String displayName) {
        if (role == Role.UNIT && (unitCode == null || unitCode.isBlank())) {
            throw new IllegalArgumentException("user " + username + " has role UNIT but no unit code");
        }
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.unitCode = unitCode;
        this.displayName = displayName == null ? username : displayName;
    }

    public Role role() {
        return role;
    }

    /** The unit this user acts for; null for users bound to no unit. */
    public String unitCode() {
        return unitCode;
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String toString() {
        return "LedgerUser[" + username + ", " + role + (unitCode == null ? "" : ", " + unitCode) + "]";
    }
}
