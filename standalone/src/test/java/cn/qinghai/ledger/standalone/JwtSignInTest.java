package cn.qinghai.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Production sign-in with bearer tokens: role and unit come from the token's claims, a token without
 * a known role signs nobody in, and a forged signature is refused. The decoder here trusts a key made
 * by the test, where production trusts {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}.
 */
@LedgerTest(sources = JwtSignInTest.TrustedIssuer.class)
class JwtSignInTest {

    /** The issuer's keys, made before the application that trusts them starts. */
    static final KeyPair keys = rsaKeys();

    static ConfigurableApplicationContext app;
    static LedgerApi api;

    @Configuration(proxyBeanMethods = false)
    static class TrustedIssuer {
        @Bean
        JwtDecoder jwtDecoder() {
            return NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic())
                    .build();
        }
    }

    @BeforeAll
    static void start(StandaloneLedger ledger) {
        app = ledger.app();
        api = ledger.api();
    }

    static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String token(Map<String, Object> claims, KeyPair signer) throws Exception {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .subject("u-1")
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
        jwt.sign(new RSASSASigner(signer.getPrivate()));
        return "Bearer " + jwt.serialize();
    }

    LedgerApi.Response post(String authorization, String path, String json) {
        return api.raw("POST", path, json.getBytes(StandardCharsets.UTF_8), "application/json", authorization);
    }

    @Test
    void theTokensClaimsGiveRoleAndUnit() throws Exception {
        String office = token(Map.of("preferred_username", "zhang.office", "ledger_role", "OFFICE"), keys);
        var assigned = post(office, "/api/tasks", """
                {"taskId":"jwt-1","conferenceId":"qh-infant-care","title":"报送数据","leadUnitCode":"education",
                 "dueInWorkingDays":5,"source":"办公室通知"}""");
        assertThat(assigned.status()).isEqualTo(201);

        String education = token(
                Map.of(
                        "preferred_username",
                        "li.edu",
                        "ledger_role",
                        "UNIT",
                        "ledger_unit",
                        "education",
                        "ledger_conference",
                        "qh-infant-care"),
                keys);
        assertThat(post(education, "/api/tasks/jwt-1/progress", "{\"percentComplete\":20,\"summary\":\"已启动\"}")
                        .status())
                .isEqualTo(200);
        String finance = token(
                Map.of("ledger_role", "UNIT", "ledger_unit", "finance", "ledger_conference", "qh-infant-care"), keys);
        assertThat(post(finance, "/api/tasks/jwt-1/progress", "{\"percentComplete\":20,\"summary\":\"x\"}")
                        .status())
                .isEqualTo(403);
        String educationElsewhere = token(
                Map.of("ledger_role", "UNIT", "ledger_unit", "education", "ledger_conference", "another-conference"),
                keys);
        assertThat(post(educationElsewhere, "/api/tasks/jwt-1/progress", "{\"percentComplete\":30,\"summary\":\"x\"}")
                        .status())
                .as("a unit of the same code in another conference")
                .isEqualTo(403);
        String unbound = token(Map.of("ledger_role", "UNIT", "ledger_unit", "education"), keys);
        assertThat(post(unbound, "/api/tasks/jwt-1/progress", "{\"percentComplete\":30,\"summary\":\"x\"}")
                        .status())
                .as("a UNIT token without its conference signs nobody in")
                .isEqualTo(401);
    }

    @Test
    void aTokenWithoutAKnownRoleOrWithAForgedSignatureSignsNobodyIn() throws Exception {
        assertThat(post(token(Map.of("ledger_role", "KING"), keys), "/api/tasks", "{}")
                        .status())
                .isEqualTo(401);
        assertThat(post(token(Map.of("ledger_role", "UNIT"), keys), "/api/tasks/x/progress", "{}")
                        .status())
                .isEqualTo(401);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = token(Map.of("ledger_role", "OFFICE"), generator.generateKeyPair());
        var refused = post(forged, "/api/tasks", "{}");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        String basic = "Basic " + Base64.getEncoder().encodeToString("viewer:demo".getBytes(StandardCharsets.UTF_8));
        assertThat(api.raw("GET", "/api/units", null, null, basic).status()).isEqualTo(200);
    }
}
