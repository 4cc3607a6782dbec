package io.ibex.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibex.framework.error.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFileTest {
    @TempDir Path dir;

    private Path env(String mode) throws IOException {
        Path p = dir.resolve(".env");
        Files.writeString(p, "# ibeam\nIBEAM_ACCOUNT=U1234567\nexport IBEAM_PASSWORD=\"canary-pw-93\"\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        return p;
    }

    @Test
    void aWorldReadableFileIsRefusedWithTheChmodFixAndWithoutItsContents() throws IOException {
        Path p = env("rw-r--r--");
        assertThatThrownBy(() -> EnvFile.load(p)).isInstanceOf(ConfigException.class)
            .hasMessageContaining("mode 0644").hasMessageContaining("chmod 600 " + p)
            .message().doesNotContain("canary-pw-93").doesNotContain("U1234567");
    }

    @Test
    void aGroupReadableFileIsRefused() throws IOException {
        Path p = env("rw-r-----");
        assertThatThrownBy(() -> EnvFile.load(p)).hasMessageContaining("mode 0640");
    }

    @Test
    void aPrivateFileIsReadWithQuotesAndExportStripped() throws IOException {
        assertThat(EnvFile.load(env("rw-------")))
            .containsEntry("IBEAM_ACCOUNT", "U1234567").containsEntry("IBEAM_PASSWORD", "canary-pw-93");
    }

    @Test
    void aFileOwnedBySomeoneElseIsRefusedEvenAt0600() {
        UserPrincipal me = () -> "alice";
        PosixFileAttributes attrs = attributes(() -> "mallory", Set.of(PosixFilePermission.OWNER_READ));
        assertThatThrownBy(() -> EnvFile.checkPrivate(dir.resolve(".env"), attrs, me))
            .hasMessageContaining("owned by mallory").hasMessageContaining("chmod 600");
    }

    @Test
    void aMalformedLineNamesFileAndLineButNotTheContent() {
        assertThatThrownBy(() -> EnvFile.parse(Path.of("/x/.env"), java.util.List.of("A=1", "secretwithoutequals")))
            .hasMessage("/x/.env:2: expected KEY=VALUE (contents not shown)");
    }

    @Test
    void aMalformedNameIsNeverEchoedBecauseItMayHoldThePassword() {
        assertThatThrownBy(() -> EnvFile.parse(Path.of("/x/.env"), java.util.List.of("IBEAM_PASSWORD: Canary-77=x")))
            .hasMessageStartingWith("/x/.env:1: ").hasMessageContaining("KEY=VALUE, not KEY: VALUE")
            .message().doesNotContain("Canary").doesNotContain("IBEAM_PASSWORD:");
    }

    @Test
    void anOwnerOnly0700FileIsPrivateAndAccepted() throws IOException {
        assertThat(EnvFile.load(env("rwx------"))).containsEntry("IBEAM_PASSWORD", "canary-pw-93");
    }

    @Test
    void theRefusalSaysWhichBitsAreWrong() throws IOException {
        Path p = env("rwxr-x-w-");
        assertThatThrownBy(() -> EnvFile.load(p))
            .hasMessageContaining("mode 0752 lets the group read, execute and others write").hasMessageContaining("chmod 600");
    }

    private static PosixFileAttributes attributes(UserPrincipal owner, Set<PosixFilePermission> perms) {
        return new PosixFileAttributes() {
            @Override public UserPrincipal owner() { return owner; }
            @Override public GroupPrincipal group() { return null; }
            @Override public Set<PosixFilePermission> permissions() { return perms; }
            @Override public FileTime lastModifiedTime() { return null; }
            @Override public FileTime lastAccessTime() { return null; }
            @Override public FileTime creationTime() { return null; }
            @Override public boolean isRegularFile() { return true; }
            @Override public boolean isDirectory() { return false; }
            @Override public boolean isSymbolicLink() { return false; }
            @Override public boolean isOther() { return false; }
            @Override public long size() { return 0; }
            @Override public Object fileKey() { return null; }
        };
    }
}
