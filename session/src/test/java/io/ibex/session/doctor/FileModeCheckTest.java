package io.ibex.session.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileModeCheckTest {
    @TempDir Path tmp;

    @Test
    void filesOpenToOthersInTheIbexHomeFailWithTheirNamesAndTheFix() throws Exception {
        Path home = Files.createDirectory(tmp.resolve("home"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path store = Files.writeString(home.resolve("ibex.mv.db"), "x");
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rw-r--r--"));
        Path logs = Files.createDirectory(home.resolve("logs"));
        Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxr-xr-x"));
        Check c = FileModeCheck.of(home);
        assertThat(c.level()).isEqualTo(Check.Level.FAIL);
        assertThat(c.detail()).contains("ibex.mv.db 0644", "logs/ 0755").contains("2 of 3");
        assertThat(c.fix()).isEqualTo("chmod -R go-rwx " + home);

        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwx------"));
        assertThat(FileModeCheck.of(home).level()).isEqualTo(Check.Level.OK);
    }

    @Test
    void doctorChecksTheIbexHomeOfItsEnvironment() throws Exception {
        Path home = Files.createDirectory(tmp.resolve("ih"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        var checks = new Doctor(new Doctor.Inputs("https://127.0.0.1:1", tmp.resolve("none.pem"), tmp.resolve("gw"), tmp.resolve("ibeam"),
            tmp.resolve("chromedriver"), tmp.resolve("none.env"), Map.of("IBEX_HOME", home.toString()), InstantSource.system())).run();
        assertThat(checks).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo(FileModeCheck.NAME);
            assertThat(c.detail()).contains(home + "/ 0755");
        });
    }
}
