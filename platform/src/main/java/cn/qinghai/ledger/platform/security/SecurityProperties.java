package cn.qinghai.ledger.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.security.*}: the users of a single-node installation, each with a bcrypt hash
 * ({@code {bcrypt}$2a$...} or a bare {@code $2a$...}), a role and, for unit users, a unit code.
 */
@ConfigurationProperties("ledger.security")
public class SecurityProperties {

    private List<User> users = new ArrayList<>();

    public List<User> getUsers() {
        return users;
    }

    public void setUsers(List<User> users) {
        this.users = users;
    }

    public static class User {
        private String username;
        private String passwordHash;
        private Role role;
        private String unitCode;
        /** The conference of the unit (required with role UNIT: unit codes are unique only within one). */
        private String conferenceId;

        private String displayName;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPasswordHash() {
            return passwordHash;
        }

        public void setPasswordHash(String passwordHash) {
            this.passwordHash = passwordHash;
        }

        public Role getRole() {
            return role;
        }

        public void setRole(Role role) {
            this.role = role;
        }

        public String getUnitCode() {
            return unitCode;
        }

        public void setUnitCode(String unitCode) {
            this.unitCode = unitCode;
        }

        public String getConferenceId() {
            return conferenceId;
        }

        public void setConferenceId(String conferenceId) {
            this.conferenceId = conferenceId;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }
    }
}
