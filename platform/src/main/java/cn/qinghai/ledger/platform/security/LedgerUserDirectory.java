package cn.qinghai.ledger.platform.security;

import cn.qinghai.ledger.platform.demo.DemoProperties;
import cn.qinghai.ledger.platform.demo.SeedConference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Who may sign in with HTTP Basic, in this order:
 * <ol>
 * <li>the users of {@code ledger.security.users} (bcrypt hashes);</li>
 * <li>with {@code ledger.demo=true}, the demo users of API.md, all with password {@code demo};</li>
 * <li>when neither gives any user, one {@code admin} whose password is generated at first start,
 * printed once on standard output and kept only as a bcrypt hash in the data directory.</li>
 * </ol>
 */
@Component
public class LedgerUserDirectory implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(LedgerUserDirectory.class);
    static final String DEMO_PASSWORD = "demo";
    static final String GENERATED_ADMIN = "admin";

    private final Map<String, LedgerUser> users = new LinkedHashMap<>();

    public LedgerUserDirectory(
            SecurityProperties properties,
            DemoProperties demo,
            ObjectMapper objectMapper,
            @Value("${ledger.data-dir:./data}") Path dataDir) {
        for (SecurityProperties.User u : properties.getUsers()) {
            add(new LedgerUser(u.getUsername(), normalizeHash(u.getPasswordHash()), u.getRole(), u.getUnitCode(),
                    u.getDisplayName()));
        }
        if (demo.isDemo()) {
            addDemoUsers(SeedConference.load(objectMapper));
        }
        if (users.isEmpty()) {
            add(new LedgerUser(GENERATED_ADMIN, generatedAdminHash(dataDir), Role.ADMIN, null, "管理员"));
        }
        log.info("{} users can sign in: {}", users.size(), users.keySet());
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        LedgerUser user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("unknown user");
        }
        // A fresh copy: Spring Security erases credentials on the object it authenticates.
        return new LedgerUser(user.getUsername(), user.getPassword(), user.role(), user.unitCode(), user.displayName());
    }

    private void addDemoUsers(SeedConference seed) {
        // The demo password is public anyway; a low cost keeps every Basic request of a demo cheap.
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(DEMO_PASSWORD);
        add(new LedgerUser("office", hash, Role.OFFICE, seed.conference().leadUnitCode(), "联席会议办公室"));
        add(new LedgerUser("auditor", hash, Role.AUDITOR, null, "审计员"));
        add(new LedgerUser("viewer", hash, Role.VIEWER, null, "查看者"));
        add(new LedgerUser("admin", hash, Role.ADMIN, null, "管理员"));
        for (SeedConference.Unit unit : seed.units()) {
            add(new LedgerUser("unit-" + unit.unitCode(), hash, Role.UNIT, unit.unitCode(), unit.name()));
        }
    }

    private void add(LedgerUser user) {
        if (users.putIfAbsent(user.getUsername(), user) != null) {
            throw new IllegalStateException("user " + user.getUsername() + " is configured twice");
        }
    }

    private static String normalizeHash(String hash) {
        if (hash == null || hash.isBlank()) {
            throw new IllegalStateException("a configured user has no password-hash");
        }
        return hash.startsWith("{") ? hash : "{bcrypt}" + hash;
    }

    /**
     * The generated administrator's hash, created (and its password printed) only on the first start
     * against this data directory.
     */
    private static String generatedAdminHash(Path dataDir) {
        Path file = dataDir.resolve("admin-password.bcrypt");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(password);
            Files.createDirectories(dataDir);
            Files.writeString(file, hash, StandardCharsets.UTF_8);
            // Printed once on the console, deliberately not through the logger.
            System.out.println("""

                    ==================================================================
                     No users are configured. Generated administrator for this data
                     directory (shown only now; only its hash is kept):
                       user: %s   password: %s
                    ==================================================================
                    """.formatted(GENERATED_ADMIN, password));
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated administrator in " + file, e);
        }
    }
}
