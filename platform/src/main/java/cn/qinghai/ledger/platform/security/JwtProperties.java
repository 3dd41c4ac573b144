package cn.qinghai.ledger.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.security.jwt.*}: which claims of an access token name the user, the role and the unit.
 * The token itself is checked by Spring's resource server against
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri}).
 */
@ConfigurationProperties("ledger.security.jwt")
public class JwtProperties {

    private String usernameClaim = "preferred_username";
    private String roleClaim = "ledger_role";
    private String unitClaim = "ledger_unit";
    private String conferenceClaim = "ledger_conference";

    public String getUsernameClaim() {
        return usernameClaim;
    }

    public void setUsernameClaim(String usernameClaim) {
        this.usernameClaim = usernameClaim;
    }

    public String getRoleClaim() {
        return roleClaim;
    }

    public void setRoleClaim(String roleClaim) {
        this.roleClaim = roleClaim;
    }

    /** The claim naming the conference of a UNIT token's unit (required for UNIT tokens). */
    public String getConferenceClaim() {
        return conferenceClaim;
    }

    public void setConferenceClaim(String conferenceClaim) {
        this.conferenceClaim = conferenceClaim;
    }

    public String getUnitClaim() {
        return unitClaim;
    }

    public void setUnitClaim(String unitClaim) {
        this.unitClaim = unitClaim;
    }
}
