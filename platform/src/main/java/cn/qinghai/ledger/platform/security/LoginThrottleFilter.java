package cn.qinghai.ledger.platform.security;

import cn.qinghai.ledger.platform.web.ProblemWriter;
import cn.qinghai.ledger.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link LoginThrottle} to every password sign-in, on the login form and over HTTP Basic,
 * before Spring Security checks the password; and feeds it Spring Security's own success and failure
 * events, so what counts as a failure is exactly what the authentication decided.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class LoginThrottleFilter extends OncePerRequestFilter {

    public static final URI TOO_MANY_SIGN_INS = URI.create(Problems.BASE + "too-many-sign-in-attempts");

    private final LoginThrottle throttle;
    private final ProblemWriter problems;

    public LoginThrottleFilter(LoginThrottle throttle, ProblemWriter problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = signingInAs(request);
        if (username != null) {
            Duration wait = throttle.waitBefore(username, request.getRemoteAddr());
            if (!wait.isZero()) {
                long seconds = LoginThrottle.seconds(wait);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                if (SecurityConfiguration.browserNavigation(request)) { // the login form in a browser
                    response.setStatus(HttpStatus.SEE_OTHER.value());
                    response.setHeader(HttpHeaders.LOCATION, SecurityConfiguration.LOGIN_PAGE + "?throttled");
                    return;
                }
                problems.write(
                        request,
                        response,
                        Problems.of(
                                HttpStatus.TOO_MANY_REQUESTS,
                                TOO_MANY_SIGN_INS,
                                "Too many sign-in attempts",
                                "too many failed sign-ins for this account or from this address;" + " try again in "
                                        + seconds + " s"));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The user name of a password sign-in this request attempts, or null when it attempts none. */
    static String signingInAs(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(0, colon);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        if ("POST".equals(request.getMethod()) && SecurityConfiguration.LOGIN_PAGE.equals(request.getServletPath())) {
            String username = request.getParameter("username");
            return username == null ? "" : username;
        }
        return null;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt) {
            throttle.failed(attempt.getName(), addressOf(attempt));
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken signedIn) {
            throttle.succeeded(signedIn.getName());
        }
    }

    private static String addressOf(UsernamePasswordAuthenticationToken attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}
