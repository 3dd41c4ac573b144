package cn.qinghai.ledger.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a verified access token into the same {@link LedgerUser} that HTTP Basic gives, with role and
 * unit taken from the configured claims. A token without a known role signs nobody in.
 */
public class LedgerJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final JwtProperties properties;

    public LedgerJwtAuthenticationConverter(JwtProperties properties) {
        this.properties = properties;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String username = jwt.getClaimAsString(properties.getUsernameClaim());
        if (username == null || username.isBlank()) {
            username = jwt.getSubject();
        }
        Role role;
        try {
            role = Role.valueOf(String.valueOf(jwt.getClaimAsString(properties.getRoleClaim())));
        } catch (IllegalArgumentException e) {
            throw new BadCredentialsException("the token carries no known role in claim " + properties.getRoleClaim());
        }
        String unit = jwt.getClaimAsString(properties.getUnitClaim());
        if (role == Role.UNIT && (unit == null || unit.isBlank())) {
            throw new BadCredentialsException("a UNIT token must carry claim " + properties.getUnitClaim());
        }
        String conference = jwt.getClaimAsString(properties.getConferenceClaim());
        if (role == Role.UNIT && (conference == null || conference.isBlank())) {
            throw new BadCredentialsException("a UNIT token must carry claim " + properties.getConferenceClaim());
        }
        LedgerUser user = new LedgerUser(username, null, role, unit, conference, username);
        return new Authenticated(user, jwt);
    }

    static final class Authenticated extends AbstractAuthenticationToken {
        private final LedgerUser user;
        private final transient Jwt jwt;

        Authenticated(LedgerUser user, Jwt jwt) {
            super(user.getAuthorities());
            this.user = user;
            this.jwt = jwt;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return jwt;
        }

        @Override
        public Object getPrincipal() {
            return user;
        }
    }
}
