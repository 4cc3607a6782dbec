package io.ibex.framework.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibex.framework.env.IbexHome;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileModesTest {
    @TempDir Path dir;

    @Test
    void privateFilesAre0600AndPrivateDirectories0700() throws IOException {
        Path f = FileModes.writePrivate(dir.resolve("secret"), "x".getBytes());
        Path d = FileModes.createPrivateDirectories(dir.resolve("a/b"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(d))).isEqualTo("rwx------");
    }

    @Test
    void writingPrivateTightensAnExistingWorldReadableFile() throws IOException {
        Path f = Files.writeString(dir.resolve("was-public"), "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        FileModes.writePrivate(f, "new".getBytes());
        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(FileModes.octal(Files.getPosixFilePermissions(f))).isEqualTo("0600");
    }

    @Test
    void sharedResultsAre0644() throws IOException {
        Path f = Files.writeString(dir.resolve("report.html"), "r");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        assertThat(FileModes.octal(Files.getPosixFilePermissions(FileModes.makeShared(f)))).isEqualTo("0644");
    }

    @Test
    void aNewPrivateFileIsNeverCreatedThroughASymlink() throws IOException {
        Path target = dir.resolve("victim");
        Path link = Files.createSymbolicLink(dir.resolve("cert.pem"), target);
        assertThatThrownBy(() -> FileModes.createPrivateFile(link)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(target).doesNotExist();
    }

    @Test
    void theHomeComesFromIbexHomeThenHomeNotFromJava() {
        assertThat(IbexHome.dir(Map.of("IBEX_HOME", "/tmp/ih", "HOME", "/tmp/h"))).isEqualTo(Path.of("/tmp/ih"));
        assertThat(IbexHome.dir(Map.of("HOME", "/tmp/h"))).isEqualTo(Path.of("/tmp/h/.ibex"));
    }
}
