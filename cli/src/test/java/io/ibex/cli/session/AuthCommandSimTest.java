package io.ibex.cli.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibex.sim.fakeibeam.FakeIbeam;
import io.ibex.sim.Account;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.SimClock;
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

    private record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        return run(new AuthCommand(tmp.resolve("ibex-home")), args);
    }

    private static Run run(AuthCommand command, String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
        try {
            return new Run(new CommandLine(command).execute(args), out.toString(), err.toString());
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    private GatewaySimulator sim(io.ibex.sim.SessionState state) {
        return GatewaySimulator.builder().clock(SimClock.system()).credentials("simuser", "simpass")
            .account(Account.paper("DU1234567").cash("USD", 1_000_000)).initialSession(state).start();
    }

    private List<String> gatewayArgs(GatewaySimulator sim) throws IOException {
        Path pem = tmp.resolve("gw.pem");
        if (!Files.exists(pem)) sim.writeCertificatePem(pem);
        return List.of("--gateway", sim.rootUrl(), "--gateway-cert", pem.toString());
    }

    private List<String> ibeamArgs(GatewaySimulator sim, String password) throws IOException {
        Path env = tmp.resolve("ibeam.env");
        Files.deleteIfExists(env);
        Files.writeString(env, "IBEAM_ACCOUNT=simuser\nIBEAM_PASSWORD=" + password + "\nFAKE_IBEAM_TRUSTSTORE=" + tmp.resolve("gw.pem")
            + "\nFAKE_IBEAM_SCENARIO=success\nFAKE_IBEAM_POLL_MS=50\nFAKE_IBEAM_SIM_TOKEN=" + sim.adminToken() + "\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
        List<String> args = new ArrayList<>(gatewayArgs(sim));
        args.addAll(List.of("--env-file", env.toString(), "--ibeam-dir", tmp.toString(), "--health-port", "0"));
        for (String a : List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
            System.getProperty("java.class.path"), FakeIbeam.class.getName())) {
            args.add("--ibeam-command");
            args.add(a);
        }
        return args;
    }

    private static String[] with(String action, List<String> common, String... more) {
        List<String> all = new ArrayList<>(List.of(action));
        all.addAll(common);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void statusLoginStatusLogoutAgainstTheSimulator() throws IOException {
        try (GatewaySimulator sim = sim(io.ibex.sim.SessionState.UNAUTHENTICATED)) {
            List<String> gw = gatewayArgs(sim);
            Run before = run(with("status", gw));
            assertThat(before.exit()).as("README: exit 3 means log in").isEqualTo(3);
            assertThat(before.out()).contains("session: not logged in. Fix: ibex auth login");
            Run login = run(with("login", ibeamArgs(sim, "simpass")));
            assertThat(login.out()).contains("login: succeeded");
            assertThat(login.exit()).isZero();
            Run after = run(with("status", gw));
            assertThat(after.exit()).isZero();
            assertThat(after.out()).contains("session: authenticated");
            assertThat(run(with("logout", gw)).out()).contains("logout: done");
            assertThat(run(with("status", gw)).out()).contains("brokerage session down");
        }
    }

    @Test
    void aRejectedPasswordStopsEveryLaterLoginUntilTheBudgetIsResetExplicitly() throws IOException {
        try (GatewaySimulator sim = sim(io.ibex.sim.SessionState.UNAUTHENTICATED)) {
            Run first = run(with("login", ibeamArgs(sim, "wrong-pass")));
            assertThat(first.exit()).isEqualTo(2);
            assertThat(first.out()).contains("login: rejected").contains("--reset-login-budget").doesNotContain("wrong-pass");
            int attempts = sim.login().attempts();
            // a second ibex process (a fresh command, as from a restart loop), even with the password fixed
            Run second = run(with("login", ibeamArgs(sim, "simpass")));
            assertThat(second.exit()).isEqualTo(2);
            assertThat(second.out()).contains("login: rejected");
            assertThat(sim.login().attempts()).as("IBeam never reached the login page again").isEqualTo(attempts);
            Run reset = run(with("login", ibeamArgs(sim, "simpass"), "--reset-login-budget"));
            assertThat(reset.out()).contains("login budget: reset").contains("login: succeeded");
            assertThat(reset.exit()).isZero();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("ibex-home/login-budget"))))
            .isEqualTo("rw-------");
    }

    @Test
    void theFourthLoginInHalfAnHourIsRefusedAcrossCommandRuns() throws IOException {
        try (GatewaySimulator sim = sim(io.ibex.sim.SessionState.UNAUTHENTICATED)) {
            for (int i = 0; i < 3; i++) {
                Run login = run(with("login", ibeamArgs(sim, "simpass")));
                assertThat(login.out()).as(login.err()).contains("login: succeeded");
                run(with("logout", gatewayArgs(sim)));
            }
            int attempts = sim.login().attempts();
            Run fourth = run(with("login", ibeamArgs(sim, "simpass")));
            assertThat(fourth.out()).contains("login: too many attempts; next allowed at");
            assertThat(fourth.exit()).isEqualTo(3);
            assertThat(sim.login().attempts()).isEqualTo(attempts);
        }
    }

    @Test
    void statusWorksWithGatewaySim() {
        Run r = run("status", "--gateway", "sim");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("session: authenticated");
    }

    @Test
    void eachActionIsASubcommandWithOnlyItsOwnOptions() {
        CommandLine auth = new CommandLine(new AuthCommand(tmp));
        assertThat(auth.getSubcommands()).containsOnlyKeys("status", "login", "logout", "keepalive");
        assertThat(auth.getSubcommands().get("status").getUsageMessage()).contains("--gateway").doesNotContain("--env-file")
            .doesNotContain("--tickle-seconds").doesNotContain("--reset-login-budget");
        assertThat(auth.getSubcommands().get("login").getUsageMessage()).contains("--env-file", "--reset-login-budget")
            .doesNotContain("--tickle-seconds");
        assertThat(auth.getSubcommands().get("keepalive").getUsageMessage()).contains("--tickle-seconds")
            .doesNotContain("--reset-login-budget");
        assertThat(run("status", "--env-file", "x").exit()).isEqualTo(2);
    }

    @Test
    void errorsNameTheCommandLikeTheOtherGatewayCommands() {
        Run r = run("status", "--gateway", "https://example.com:5000");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("ibex auth status: ");
    }
}
