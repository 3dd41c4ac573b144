package cn.qinghai.ledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinghai.ledger.platform.demo.DemoProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedAdminHashTest {

    @TempDir
    Path dataDir;

    @Test
    void theGeneratedAdministratorsHashIsReadableByItsOwnerOnly() throws Exception {
        new LedgerUserDirectory(new SecurityProperties(), new DemoProperties(), new ObjectMapper(), dataDir);
        Path file = dataDir.resolve("admin-password.bcrypt");
        assertThat(Files.readString(file)).startsWith("{bcrypt}$2");
        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void anUnknownNameGetsADecoyOfTheUsersCostThatCannotSignIn() {
        LedgerUserDirectory directory =
                new LedgerUserDirectory(new SecurityProperties(), new DemoProperties(), new ObjectMapper(), dataDir);
        var unknown = directory.loadUserByUsername("nobody");
        assertThat(LedgerUserDirectory.bcryptCost(unknown.getPassword()))
                .isEqualTo(LedgerUserDirectory.bcryptCost(
                        directory.loadUserByUsername("admin").getPassword()));
        assertThat(unknown.isCredentialsNonExpired()).isFalse();
        assertThat(unknown.getAuthorities()).isEmpty();
    }
}
