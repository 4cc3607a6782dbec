package io.ibex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's own commands: {@code ./ibex test} (what CI runs) is Maven's verify with the caller's arguments, and
 * {@code build}/{@code bench} are the launcher's, never passed to the CLI. A copy of the script runs with a stand-in
 * {@code mvn} on the PATH, so nothing is built.
 */
class LauncherTest {
    @Test void ibexTestRunsMavenVerifyWithTheGivenArguments(@TempDir Path dir) throws Exception {
        Path root = Path.of(System.getProperty("ibex.repo.root", ".."));
        Path launcher = Files.copy(root.resolve("ibex"), dir.resolve("ibex"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path mvn = Files.writeString(bin.resolve("mvn"), "#!/bin/sh\necho \"mvn $*\" > \"$(dirname \"$0\")/../mvn-args\"\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "test", "-pl", "data").redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(Files.readString(dir.resolve("mvn-args")).strip()).isEqualTo("mvn -B verify -pl data");
        assertThat(out).doesNotContain("unknown command");
        String script = Files.readString(launcher);
        assertThat(script).contains("\n  build)\n").contains("\n  bench)\n");
    }
}
