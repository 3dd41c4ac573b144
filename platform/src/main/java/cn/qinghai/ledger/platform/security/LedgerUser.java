package cn.qinghai.ledger.platform.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in person: login name, role and (for unit users) the unit they act for — a unit code within
 * one conference, since another conference may hold a unit with the same code. The password hash never
 * leaves this object: it is not serialized and not logged.
 */
public final class LedgerUser implements UserDetails {

    private final String username;
    private final transient String passwordHash;
    private final Role role;
    private final String unitCode;
    private final String conferenceId;
    private final String displayName;

    public LedgerUser(
            String username, String passwordHash, Role role, String unitCode, String conferenceId, String displayName) {
        if (role == Role.UNIT && (unitCode == null || unitCode.isBlank())) {
            throw new IllegalArgumentException("user " + username + " has role UNIT but no unit code");
        }
        if (role == Role.UNIT && (conferenceId == null || conferenceId.isBlank())) {
            throw new IllegalArgumentException("user " + username + " has role UNIT but no conference: a unit code "
                    + "names a unit only within one conference");
        }
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.unitCode = unitCode;
        this.conferenceId = conferenceId;
        this.displayName = displayName == null ? username : displayName;
    }

    /** A copy holding the same fields, for an authentication that may erase its credentials. */
    public LedgerUser copy() {
        return new LedgerUser(username, passwordHash, role, unitCode, conferenceId, displayName);
    }

    public Role role() {
        return role;
    }

    /** The unit this user acts for; null for users bound to no unit. */
    public String unitCode() {
        return unitCode;
    }

    /** The conference whose unit this user acts for; null for users bound to no conference. */
    public String conferenceId() {
        return conferenceId;
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
        return "LedgerUser[" + username + ", " + role + (unitCode == null ? "" : ", " + unitCode)
                + (conferenceId == null ? "" : " of " + conferenceId) + "]";
    }
}
