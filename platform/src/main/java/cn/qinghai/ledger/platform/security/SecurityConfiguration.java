package cn.qinghai.ledger.platform.security;

import cn.qinghai.ledger.platform.demo.DemoProperties;
import cn.qinghai.ledger.platform.web.ProblemWriter;
import cn.qinghai.ledger.platform.web.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Every request is authenticated (HTTP Basic, or a JWT bearer token when an issuer is configured),
 * except the health probe and the OpenAPI document. Who may call which route is {@link AccessRules};
 * finer rules (a unit acts on its own matters only) are checked where the command is built.
 */
@Configuration
@EnableMethodSecurity
@EnableConfigurationProperties({SecurityProperties.class, DemoProperties.class, JwtProperties.class})
public class SecurityConfiguration {

    public static final String LOGIN_PAGE = "/login";
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /**
     * A request the firewall rejects (a path with {@code ..}, {@code ;}, encoded slashes …) never reaches
     * the filters that add the security headers: it is answered here, as a problem detail with the same
     * headers as every other answer.
     */
    @Bean
    RequestRejectedHandler problemForRejectedRequests(ProblemWriter problems) {
        return (request, response, rejected) -> {
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.setHeader("Referrer-Policy", "same-origin");
            response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
            response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
            problems.write(
                    request,
                    response,
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            Problems.MALFORMED,
                            "Malformed request",
                            "the request's path or headers are not accepted"));
        };
    }

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ProblemSecurityHandlers problems,
            ObjectProvider<JwtDecoder> jwtDecoder,
            JwtProperties jwt)
            throws Exception {
        if (jwtDecoder.getIfAvailable() != null) {
            // Production sign-in: bearer tokens from the configured issuer, role and unit from claims.
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(j -> j.decoder(jwtDecoder.getObject())
                            .jwtAuthenticationConverter(new LedgerJwtAuthenticationConverter(jwt))));
        }
        return http
                // Only a browser session can be forged across sites: every write a signed-in session would
                // authenticate needs the token, whatever Authorization header comes with it; requests that
                // carry their own credentials and no signed-in session need none. The dashboard reads the
                // token from the XSRF-TOKEN cookie and sends it as X-XSRF-TOKEN; only the login form may
                // send it as a form field, never in the query string.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie())
                        .csrfTokenRequestHandler(new HeaderOrFormFieldCsrfToken())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::sessionAuthenticatedWrite))
                // Sessions only for people who sign in on the login page. Naming a session policy here (even
                // the default, "if required") adds Spring Security's session management filter, which kept
                // each Basic sign-in of a service in a new session that the service never sends back: one
                // session per API request, held for 30 minutes (64,000 of them on the heap at 1M events).
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                // People sign in on the dashboard's login page (a session); services use Basic or JWT.
                .formLogin(form -> form.loginPage(LOGIN_PAGE)
                        .loginProcessingUrl(LOGIN_PAGE)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(LOGIN_PAGE + "?signedOut"))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE),
                                SecurityConfiguration::browserNavigation)
                        .defaultAuthenticationEntryPointFor(problems, request -> true)
                        .accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> {
                    // A server-sent-event stream was authorized when it opened; its later async dispatches
                    // (each write, its completion) carry no new request from the client. Authorizing them
                    // again fails once the user signs out in another tab, on a response long committed.
                    auth.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll();
                    auth.requestMatchers("/actuator/health", "/actuator/health/**")
                            .permitAll()
                            // Operations data, as /api/admin/projections: not for units and viewers.
                            .requestMatchers("/actuator/metrics", "/actuator/metrics/**", "/actuator/prometheus")
                            .hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name())
                            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                            .permitAll()
                            // The login page with any query (?error, ?signedOut, ?expired): formLogin's own
                            // permitAll matches its URLs exactly, so the page after sign-out would need a sign-in.
                            .requestMatchers("/login", "/error", "/favicon.ico", "/assets/**")
                            .permitAll();
                    for (AccessRules.Rule rule : AccessRules.RULES) {
                        auth.requestMatchers(rule.method(), rule.pattern())
                                .hasAnyRole(
                                        rule.roles().stream().map(Role::name).toArray(String[]::new));
                    }
                    auth.requestMatchers("/api/**").denyAll().anyRequest().authenticated();
                })
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY)))
                .build();
    }

    /**
     * A write that a signed-in session would authenticate: the one kind a foreign site could forge. The
     * session decides, not the headers: a session cookie of a signed-in user with any Authorization header
     * beside it (a junk bearer token, an empty one, a wrong password) is still a session write.
     */
    static boolean sessionAuthenticatedWrite(HttpServletRequest request) {
        String method = request.getMethod();
        boolean safe =
                "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method);
        if (safe) {
            return false;
        }
        if (LOGIN_PAGE.equals(request.getServletPath())) {
            return true; // the login form itself carries a token, against login CSRF
        }
        if (request.getRequestedSessionId() == null) {
            return false;
        }
        HttpSession session = request.getSession(false);
        return session != null
                        && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                                instanceof SecurityContext context
                        && context.getAuthentication() != null
                        && context.getAuthentication().isAuthenticated()
                || request.getHeader(HttpHeaders.AUTHORIZATION) == null;
    }

    /**
     * The CSRF token from the {@code X-XSRF-TOKEN} header; from the {@code _csrf} form field only in a
     * form body (the login page), never from the query string, where it would end up in logs and history.
     */
    static final class HeaderOrFormFieldCsrfToken extends CsrfTokenRequestAttributeHandler {

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
            String header = request.getHeader(csrfToken.getHeaderName());
            if (header != null) {
                return header;
            }
            String query = request.getQueryString();
            String contentType = request.getContentType();
            boolean inQuery = query != null
                    && (query.startsWith(csrfToken.getParameterName() + "=")
                            || query.contains("&" + csrfToken.getParameterName() + "="));
            if (inQuery
                    || contentType == null
                    || !contentType
                            .toLowerCase(java.util.Locale.ROOT)
                            .startsWith("application/x-www-form-urlencoded")) {
                return null;
            }
            return request.getParameter(csrfToken.getParameterName());
        }
    }

    /** A person's browser asking for a page (not the API, not a script): send it to the login page. */
    static boolean browserNavigation(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !request.getRequestURI().startsWith("/api/")
                && !request.getRequestURI().startsWith("/actuator/")
                && accept != null
                && accept.contains("text/html");
    }

    /** The XSRF-TOKEN cookie the dashboard reads: same-site only, secure on HTTPS (also behind a TLS proxy). */
    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return repository;
    }

    /** BCrypt (and the other stored formats), with verified passwords remembered for a minute. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedPasswordCache(
                PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                Duration.ofMinutes(1),
                10_000,
                Clock.systemUTC());
    }
}
