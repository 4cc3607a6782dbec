package io.ibex.cli.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibex.sim.Account;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.SessionState;
import io.ibex.sim.SimClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The doctor against the real simulator over HTTPS: TLS pin, auth status, competing session. */
class DoctorSimTest {
    @TempDir Path tmp;

    private static GatewaySimulator sim(SessionState state) {
        return GatewaySimulator.builder().clock(SimClock.system()).credentials("simuser", "simpass")
            .account(Account.paper("DU1234567").cash("USD", 1_000_000)).initialSession(state).start();
    }

    private String doctor(GatewaySimulator gateway, Path pem) {
        StringWriter out = new StringWriter();
        new CommandLine(new DoctorCommand()).setOut(new PrintWriter(out)).execute("--gateway", gateway.rootUrl(),
            "--gateway-cert", pem.toString(), "--gateway-dir", tmp.resolve("gw").toString(),
            "--ibeam-dir", tmp.resolve("ibeam").toString(), "--env-file", tmp.resolve("none.env").toString());
        return out.toString();
    }

    @Test
    void aPinnedAuthenticatedGatewayPassesTlsAuthAndClockChecks() {
        try (GatewaySimulator sim = sim(SessionState.AUTHENTICATED)) {
            String out = doctor(sim, sim.writeCertificatePem(tmp.resolve("gw.pem")));
            assertThat(out).contains("[ ok ] gateway port").contains("[ ok ] tls                certificate matches")
                .contains("[ ok ] auth status        authenticated").contains("[ ok ] competing session  none")
                .contains("clock skew");
        }
    }

    @Test
    void theClockSkewCheckReadsTheGatewaysDateHeader() {
        try (GatewaySimulator sim = sim(SessionState.AUTHENTICATED)) {
            String pem = sim.writeCertificatePem(tmp.resolve("gw.pem")).toString();
            assertThat(doctor(sim, Path.of(pem))).containsPattern("\\[ ok \\] clock skew +[01] s");
            sim.serverClockOffset(java.time.Duration.ofSeconds(90));
            assertThat(doctor(sim, Path.of(pem))).containsPattern("\\[warn\\] clock skew +local clock is (89|90|91) s off")
                .contains("timedatectl set-ntp true");
        }
    }

    @Test
    void aGatewayThatAnswersButIsNotInTheGatewayDirIsOnlyAWarningForTheLocalChecks() {
        try (GatewaySimulator sim = sim(SessionState.AUTHENTICATED)) {
            String out = doctor(sim, sim.writeCertificatePem(tmp.resolve("gw.pem")));
            assertThat(out).contains("[warn] gateway directory").contains("[warn] gateway process")
                .contains("but a gateway answers on 127.0.0.1:" + sim.port())
                .doesNotContain("[FAIL] gateway directory").doesNotContain("[FAIL] gateway process");
        }
    }

    @Test
    void aCertificateOtherThanThePinnedOneFailsTheTlsCheck() {
        try (GatewaySimulator sim = sim(SessionState.AUTHENTICATED); GatewaySimulator other = sim(SessionState.AUTHENTICATED)) {
            String out = doctor(sim, other.writeCertificatePem(tmp.resolve("other.pem")));
            assertThat(out).contains("[FAIL] tls                the gateway serves a certificate that is not the pinned one")
                .doesNotContain("auth status");
        }
    }

    @Test
    void aCompetingSessionIsAWarningWithTheFix() {
        try (GatewaySimulator sim = sim(SessionState.COMPETING)) {
            String out = doctor(sim, sim.writeCertificatePem(tmp.resolve("gw.pem")));
            assertThat(out).contains("[warn] competing session  another login").contains("dedicated API username");
        }
    }
}
