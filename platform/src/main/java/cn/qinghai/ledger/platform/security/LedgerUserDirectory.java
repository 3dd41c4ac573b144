package cn.qinghai.ledger.platform.security;

import cn.qinghai.ledger.platform.demo.DemoProperties;
import cn.qinghai.ledger.platform.demo.SeedConference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Who may sign in with HTTP Basic, in this order:
 * <ol>
 * <li>the users of {@code ledger.security.users} (bcrypt hashes);</li>
 * <li>with {@code ledger.demo=true}, the demo users of docs/security.md, all with password {@code demo};</li>
 * <li>when neither gives any user, one {@code admin} whose password is generated at first start,
 * printed once on standard output and kept only as a bcrypt hash in the data directory.</li>
 * </ol>
 */
@Component
public class LedgerUserDirectory implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(LedgerUserDirectory.class);
    static final String DEMO_PASSWORD = "demo";
    static final String GENERATED_ADMIN = "admin";

    private static final Pattern BCRYPT = Pattern.compile("^(?:\\{bcrypt\\})?\\$2[aby]?\\$(\\d{2})\\$");

    private final Map<String, LedgerUser> users = new LinkedHashMap<>();
    private final String decoyHash;

    public LedgerUserDirectory(
            SecurityProperties properties,
            DemoProperties demo,
            ObjectMapper objectMapper,
            @Value("${ledger.data-dir:./data}") Path dataDir) {
        for (SecurityProperties.User u : properties.getUsers()) {
            add(new LedgerUser(
                    u.getUsername(),
                    normalizeHash(u.getPasswordHash()),
                    u.getRole(),
                    u.getUnitCode(),
                    u.getConferenceId(),
                    u.getDisplayName()));
        }
        if (demo.isDemo()) {
            addDemoUsers(SeedConference.load(objectMapper));
        }
        if (users.isEmpty()) {
            add(new LedgerUser(GENERATED_ADMIN, generatedAdminHash(dataDir), Role.ADMIN, null, null, "管理员"));
        }
        decoyHash = decoyHash(users.values());
        log.info("{} users can sign in: {}", users.size(), users.keySet());
    }

    /**
     * Someone no user is called: checked against a hash of a random secret with the cost the users'
     * own hashes have, so a failed sign-in takes as long for a name that does not exist as for one
     * that does (Spring's own decoy uses bcrypt's default cost, 50 times slower than the demo users').
     * Its credentials count as expired, so it could not sign in even if the secret were guessed.
     */
    private static final class UnknownUser implements UserDetails {

        private final String username;
        private final String decoyHash;

        UnknownUser(String username, String decoyHash) {
            this.username = username;
            this.decoyHash = decoyHash;
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return List.of();
        }

        @Override
        public String getPassword() {
            return decoyHash;
        }

        @Override
        public String getUsername() {
            return username;
        }

        @Override
        public boolean isCredentialsNonExpired() {
            return false;
        }
    }

    /** A bcrypt hash of a random secret, at the cost most users' hashes have. */
    private static String decoyHash(Collection<LedgerUser> users) {
        Map<Integer, Long> costs = users.stream()
                .map(u -> bcryptCost(u.getPassword()))
                .filter(c -> c > 0)
                .collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        int cost = costs.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(10);
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return "{bcrypt}"
                + new BCryptPasswordEncoder(cost)
                        .encode(java.util.Base64.getEncoder().encodeToString(secret));
    }

    /** The cost of a bcrypt hash ({@code {bcrypt}$2a$10$…}), or -1 for another kind. */
    public static int bcryptCost(String hash) {
        Matcher m = BCRYPT.matcher(hash == null ? "" : hash);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        LedgerUser user = users.get(username);
        if (user == null) {
            return new UnknownUser(username, decoyHash);
        }
        // A fresh copy: Spring Security erases credentials on the object it authenticates.
        return user.copy();
    }

    private void addDemoUsers(SeedConference seed) {
        // The demo password is public anyway; a low cost keeps every Basic request of a demo cheap.
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(DEMO_PASSWORD);
        add(new LedgerUser("office", hash, Role.OFFICE, seed.conference().leadUnitCode(), null, "联席会议办公室"));
        add(new LedgerUser("auditor", hash, Role.AUDITOR, null, null, "审计人员"));
        add(new LedgerUser("viewer", hash, Role.VIEWER, null, null, "只读用户"));
        add(new LedgerUser("admin", hash, Role.ADMIN, null, null, "管理员"));
        String conferenceId = seed.conference().conferenceId();
        for (SeedConference.Unit unit : seed.units()) {
            add(new LedgerUser("unit-" + unit.unitCode(), hash, Role.UNIT, unit.unitCode(), conferenceId, unit.name()));
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

    /** Writes {@code text} to a new file only its owner may read (rw-------) where the file system has POSIX modes. */
    static void writeOwnerOnly(Path file, String text) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
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
            writeOwnerOnly(file, hash);
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
