package cn.qinghai.ledger.platform.security;

import cn.qinghai.ledger.platform.demo.DemoProperties;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

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

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemSecurityHandlers problems,
                                    ObjectProvider<JwtDecoder> jwtDecoder, JwtProperties jwt) throws Exception {
        if (jwtDecoder.getIfAvailable() != null) {
            // Production sign-in: bearer tokens from the configured issuer, role and unit from claims.
            http.oauth2ResourceServer(o -> o
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(j -> j.decoder(jwtDecoder.getObject())
                            .jwtAuthenticationConverter(new LedgerJwtAuthenticationConverter(jwt))));
        }
        return http
                // Only a browser session can be forged across sites: requests that carry their own
                // credentials (Basic, Bearer) or no session at all need no CSRF token. The dashboard
                // reads the token from the XSRF-TOKEN cookie and sends it as X-XSRF-TOKEN.
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::sessionAuthenticatedWrite))
                // Sessions only for people who sign in on the login page. Naming a session policy here (even
                // the default, "if required") adds Spring Security's session management filter, which kept
                // each Basic sign-in of a service in a new session that the service never sends back: one
                // session per API request, held for 30 minutes (64,000 of them on the heap at 1M events).
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                // People sign in on the dashboard's login page (a session); services use Basic or JWT.
                .formLogin(form -> form.loginPage(LOGIN_PAGE).loginProcessingUrl(LOGIN_PAGE).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(LOGIN_PAGE + "?signedOut"))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE),
                                SecurityConfiguration::browserNavigation)
                        .defaultAuthenticationEntryPointFor(problems, request -> true)
                        .accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                            .permitAll()
                            // The login page with any query (?error, ?signedOut, ?expired): formLogin's own
                            // permitAll matches its URLs exactly, so the page after sign-out would need a sign-in.
                            .requestMatchers("/login", "/error", "/favicon.ico", "/assets/**").permitAll();
                    for (AccessRules.Rule rule : AccessRules.RULES) {
                        auth.requestMatchers(rule.method(), rule.pattern())
                                .hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
                    }
                    auth.requestMatchers("/api/**").denyAll()
                            .anyRequest().authenticated();
                })
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
                .build();
    }

    /** A write that relies on the session cookie alone: the one kind a foreign site could forge. */
    static boolean sessionAuthenticatedWrite(HttpServletRequest request) {
        String method = request.getMethod();
        boolean safe = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method);
        if (safe || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        if (LOGIN_PAGE.equals(request.getServletPath())) {
            return true; // the login form itself carries a token, against login CSRF
        }
        return request.getRequestedSessionId() != null;
    }

    /** A person's browser asking for a page (not the API, not a script): send it to the login page. */
    static boolean browserNavigation(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !request.getRequestURI().startsWith("/api/") && !request.getRequestURI().startsWith("/actuator/")
                && accept != null && accept.contains("text/html");
    }

    /** BCrypt (and the other stored formats), with verified passwords remembered for a minute. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedPasswordCache(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                Duration.ofMinutes(1), 10_000, Clock.systemUTC());
    }
}
