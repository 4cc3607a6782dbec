package io.ibex.session.doctor;

import io.ibex.cli.session.DoctorCommand;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DoctorCommandTest {
    @TempDir Path tmp;

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private record Run(int exit, String out) {}

    private Run doctor(Path envFile) throws IOException {
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new DoctorCommand()).setOut(new PrintWriter(out));
        int exit = cmd.execute("--gateway", "https://127.0.0.1:" + closedPort(), "--gateway-dir", tmp.resolve("gw").toString(),
            "--gateway-cert", tmp.resolve("gateway.pem").toString(), "--ibeam-dir", tmp.resolve("ibeam").toString(),
            "--env-file", envFile.toString());
        return new Run(exit, out.toString());
    }

    @Test
    void withNoGatewayRunningItFailsAndNamesTheStartCommand() throws IOException {
        Run run = doctor(tmp.resolve("missing.env"));
        assertThat(run.exit()).isEqualTo(6);
        assertThat(run.out())
            .contains("[FAIL] gateway process    not running")
            .contains("fix: start it: ibex gateway start --gateway-dir " + tmp.resolve("gw"))
            .contains("[FAIL] gateway directory")
            .contains("clientportal.gw.zip")
            .contains("[ ok ] java")
            .contains("doctor: ");
    }

    @Test
    void aWorldReadableEnvFileIsAFailWithTheChmodFix() throws IOException {
        Path env = tmp.resolve("ibeam.env");
        Files.writeString(env, "IBEAM_ACCOUNT=U1234567\nIBEAM_PASSWORD=canary-doc-77\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r--r--"));
        Run run = doctor(env);
        assertThat(run.out()).contains("[FAIL] .env").contains("mode 0644").contains("fix: chmod 600 " + env)
            .doesNotContain("canary-doc-77").doesNotContain("U1234567");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
        assertThat(doctor(env).out()).contains("[ ok ] .env");
    }

    @Test
    void chromiumVersionsAreReadFromTheirVersionLine() {
        assertThat(ToolVersion.parse("Chromium 156.0.8078.108 built on Debian 12")).contains(156);
        assertThat(ToolVersion.parse("ChromeDriver 156.0.8078.108 (abc-refs/branch-heads/8078@{#1})")).contains(156);
        assertThat(ToolVersion.parse("no version here")).isEmpty();
    }

    @Test
    void clockSkewBeyondFiveSecondsIsAWarningWithTheNtpFix() {
        java.time.Instant local = java.time.Instant.parse("2026-03-02T14:30:00Z");
        assertThat(Doctor.clockSkew(local, java.util.Optional.of("Mon, 02 Mar 2026 14:30:03 GMT")).level())
            .isEqualTo(Check.Level.OK);
        Check off = Doctor.clockSkew(local, java.util.Optional.of("Mon, 02 Mar 2026 14:31:00 GMT"));
        assertThat(off.level()).isEqualTo(Check.Level.WARN);
        assertThat(off.detail()).isEqualTo("local clock is 60 s off the gateway's");
        assertThat(off.fix()).contains("timedatectl set-ntp true");
        assertThat(Doctor.clockSkew(local, java.util.Optional.empty()).detail()).contains("no Date header");
    }
}
