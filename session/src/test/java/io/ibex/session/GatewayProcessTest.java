package io.ibex.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibex.framework.error.ConfigException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes: a fake gateway directory whose bin/run.sh starts a small loopback listener JVM. */
class GatewayProcessTest {
    @TempDir Path tmp;
    private GatewayProcess gateway;
    private final String match = "fake-gw-" + UUID.randomUUID();   // never matches anyone else's gateway

    @AfterEach
    void stopIt() {
        if (gateway != null) gateway.stop(Duration.ofSeconds(5));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private Path fakeGatewayDir(String name, int port) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir.resolve("bin"));
        Files.createDirectories(dir.resolve("root"));
        Files.writeString(dir.resolve("root/conf.yaml"), "ip2loc: \"US\"\nlistenPort: " + port + "\nlistenSsl: true\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(dir.resolve("bin/run.sh"), "#!/bin/bash\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
            + "' " + FakeGatewayStart.class.getName() + " " + port + " \"$@\" " + match + "\n");
        return dir;
    }

    @Test
    void startRunsRunShFromTheGatewayDirectoryWaitsForThePortAndStopFindsItByCommandLine() throws Exception {
        int port = freePort();
        String hostile = "gw; rm -rf $(id) `id` two words";
        Path dir = fakeGatewayDir(hostile, port);
        gateway = new GatewayProcess(dir, match);
        GatewayProcess.Status started = gateway.start(Duration.ofSeconds(30), SSLContext.getDefault());
        assertThat(started.pid()).isPresent();
        assertThat(started.listening()).isTrue();
        // plain TCP listener: the gateway must speak TLS, so this is reported, not hidden
        assertThat(started.tls()).isEqualTo(GatewayProbe.Tls.HANDSHAKE_FAILED);
        assertThat(started.describe()).contains("TLS handshake failed");
        // S8: the hostile directory name is the working directory, not shell input; argv is exactly run.sh's
        assertThat(Files.readAllLines(dir.resolve("argv.txt")))
            .containsExactly(dir.toRealPath().toString(), Integer.toString(port), "root/conf.yaml", match);
        assertThat(gateway.stop(Duration.ofSeconds(10))).isTrue();
        assertThat(gateway.find()).isEmpty();
        assertThat(gateway.status(SSLContext.getDefault()).describe()).startsWith("not running");
    }

    @Test
    void aPortHeldByAnotherProgramIsReportedAndNothingIsStarted() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            gateway = new GatewayProcess(fakeGatewayDir("gw", other.getLocalPort()), match);
            assertThat(gateway.status(SSLContext.getDefault()).describe()).startsWith("port " + other.getLocalPort() + " in use");
            assertThatThrownBy(() -> gateway.start(Duration.ofSeconds(5), SSLContext.getDefault()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("in use by another program");
            assertThat(gateway.find()).isEmpty();
        }
    }

    @Test
    void aDirectoryWithoutRunShNamesTheDownload() {
        gateway = new GatewayProcess(tmp, match);
        assertThatThrownBy(gateway::checkLayout).hasMessageContaining("bin/run.sh is missing")
            .hasMessageContaining("clientportal.gw.zip");
    }

    @Test
    void ibeamCommandValuesArriveAsOneArgvElementEach() throws Exception {
        List<String> hostile = List.of("; rm -rf /", "$(id)", "`id`", "two words", "line\nbreak");
        Path script = tmp.resolve("argv.sh");
        Files.writeString(script, "for a in \"$@\"; do printf '[%s]' \"$a\"; done > \"$OUT\"\necho 'Gateway not authenticated.'\n");
        Path env = tmp.resolve(".env");
        Files.writeString(env, "OUT=" + tmp.resolve("out.txt") + "\n");
        Files.setPosixFilePermissions(env, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        List<String> command = new java.util.ArrayList<>(List.of("sh", script.toString()));
        command.addAll(hostile);
        IbeamConfig config = new IbeamConfig(command, tmp, env, null, null, "https://127.0.0.1:5000",
            Duration.ofSeconds(180), 5001, 5, false);
        try (IbeamSupervisor s = new IbeamSupervisor(config, java.util.Map.of(),
            LoginBudget.reliabilityDefault(java.time.InstantSource.system()), new RecordingAlerts())) {
            s.login();
        }
        assertThat(Files.readString(tmp.resolve("out.txt")))
            .isEqualTo("[; rm -rf /][$(id)][`id`][two words][line\nbreak][--authenticate]");
    }
}
