package io.ibex.live.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibex.live.fakeibeam.FakeIbeam;
import io.ibex.live.sim.Account;
import io.ibex.live.sim.GatewaySimulator;
import io.ibex.live.sim.SimClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ibex auth status|login|logout} end to end: picocli, pinned HTTPS to the simulator, the fake IBeam as a child JVM. */
class AuthCommandSimTest {
    @TempDir Path tmp;

    private record Run(int exit, String out) {}

    private static Run run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        try {
            return new Run(new CommandLine(new AuthCommand()).execute(args), buf.toString());
        } finally {
            System.setOut(saved);
        }
    }

    private GatewaySimulator sim(io.ibex.live.sim.SessionState state) {
        return GatewaySimulator.builder().clock(SimClock.system()).credentials("simuser", "simpass")
            .account(Account.paper("DU1234567").cash("USD", 1_000_000)).initialSession(state).start();
    }

    private List<String> common(GatewaySimulator sim) throws IOException {
        Path pem = sim.writeCertificatePem(tmp.resolve("gw.pem"));
        Path env = tmp.resolve("ibeam.env");
        Files.writeString(env, "IBEAM_ACCOUNT=simuser\nIBEAM_PASSWORD=simpass\nFAKE_IBEAM_TRUSTSTORE=" + pem
            + "\nFAKE_IBEAM_SCENARIO=success\nFAKE_IBEAM_POLL_MS=50\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
        List<String> args = new ArrayList<>(List.of("--gateway", sim.rootUrl(), "--gateway-cert", pem.toString(),
            "--env-file", env.toString(), "--ibeam-dir", tmp.toString(), "--health-port", "0"));
        for (String a : List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
            System.getProperty("java.class.path"), FakeIbeam.class.getName())) {
            args.add("--ibeam-command");
            args.add(a);
        }
        return args;
    }

    private static String[] with(String action, List<String> common) {
        List<String> all = new ArrayList<>(List.of(action));
        all.addAll(common);
        return all.toArray(String[]::new);
    }

    @Test
    void statusLoginStatusLogoutAgainstTheSimulator() throws IOException {
        try (GatewaySimulator sim = sim(io.ibex.live.sim.SessionState.UNAUTHENTICATED)) {
            List<String> common = common(sim);
            Run before = run(with("status", common));
            assertThat(before.exit()).isEqualTo(1);
            assertThat(before.out()).contains("session: not logged in. Fix: ibex auth login");
            Run login = run(with("login", common));
            assertThat(login.out()).contains("login: succeeded");
            assertThat(login.exit()).isZero();
            Run after = run(with("status", common));
            assertThat(after.exit()).isZero();
            assertThat(after.out()).contains("session: authenticated");
            assertThat(run(with("logout", common)).out()).contains("logout: done");
            assertThat(run(with("status", common)).out()).contains("brokerage session down");
        }
    }
}
