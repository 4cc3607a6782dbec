package io.ibex.session.alert;

import io.ibex.session.alert.AlertReceiver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ibex.gateway.Json;
import io.ibex.cli.session.AuthCommand;
import io.ibex.sim.Account;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.SessionState;
import io.ibex.sim.SimClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ibex auth keepalive --alert-webhook URL} as its own process against a simulator started unauthenticated, with
 * no way to log in unattended: the webhook gets a "log in" alert within a minute.
 */
class KeepaliveAlertTest {
    @TempDir Path tmp;

    /** The child: the auth command as {@code ibex auth} runs it. */
    public static final class Child {
        public static void main(String[] args) { System.exit(new CommandLine(new AuthCommand()).execute(args)); }
    }

    @Test
    void aSimulatorThatNeedsALoginPostsALogInAlertWithinAMinute() throws Exception {
        try (GatewaySimulator sim = GatewaySimulator.builder().clock(SimClock.system()).credentials("simuser", "Canary-Pa55")
                 .account(Account.paper("DU1234567").cash("USD", 1_000_000)).initialSession(SessionState.UNAUTHENTICATED).start();
             AlertReceiver receiver = new AlertReceiver()) {
            Path pem = sim.writeCertificatePem(tmp.resolve("gw.pem"));
            Path home = Files.createDirectories(tmp.resolve("home"));
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), "keepalive",
                "--gateway", sim.rootUrl(), "--gateway-cert", pem.toString(), "--ibeam-dir", tmp.resolve("no-ibeam").toString(),
                "--alert-webhook", receiver.url("/hook")));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile());
            pb.environment().put("HOME", home.toString());
            pb.environment().put("IBEX_HOME", home.resolve(".ibex").toString());
            Process child = pb.start();
            try {
                AlertReceiver.Request r = receiver.next(Duration.ofSeconds(60));
                assertThat(r).as("webhook POST within a minute; child log:%n%s", Files.readString(tmp.resolve("child.log"))).isNotNull();
                JsonNode body = Json.MAPPER.readTree(r.body());
                assertThat(body.get("level").asText()).isEqualTo("critical");
                assertThat(body.get("event").asText()).isEqualTo("login_needed");
                assertThat(body.get("message").asText()).startsWith("log in:").contains("ibex auth login");
                assertThat(body.get("runner").asText()).isEqualTo("auth keepalive");
                assertThat(r.body()).doesNotContain("Canary-Pa55");
            } finally {
                child.destroyForcibly().waitFor();
            }
            assertThat(Files.readString(tmp.resolve("child.log"))).contains("ALERT: log in:");
        }
    }
}
