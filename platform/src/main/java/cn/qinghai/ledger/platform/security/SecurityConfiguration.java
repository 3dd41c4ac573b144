package cn.qinghai.ledger.platform.security;

import cn.qinghai.ledger.platform.demo.DemoProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every request is authenticated (HTTP Basic, or a JWT bearer token when an issuer is configured),
 * except the health probe and the OpenAPI document. Who may call which route is {@link AccessRules};
 * finer rules (a unit acts on its own matters only) are checked where the command is built.
 */
@Configuration
@EnableMethodSecurity
@EnableConfigurationProperties({SecurityProperties.class, DemoProperties.class, JwtProperties.class})
public class SecurityConfiguration {

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
                .csrf(csrf -> csrf.disable()) // stateless Basic/JWT API: no session cookie to forge
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                            .permitAll()
                            .requestMatchers("/error").permitAll();
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

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
