package io.ibex.sim.fakeibeam;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibex.sim.Account;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.Route;
import io.ibex.sim.SessionState;
import io.ibex.sim.SimClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake IBeam in-JVM against the real simulator over pinned HTTPS (gateway-simulator.md §6.2, §7 scenarios 3 and 4). */
class FakeIbeamSimTest {
    private GatewaySimulator sim;
    private final List<String> out = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void close() {
        if (sim != null) sim.close();
    }

    private FakeIbeam fake(String scenario, String oauthSeconds) {
        sim = GatewaySimulator.builder().clock(SimClock.manual(Instant.parse("2026-03-02T14:30:00Z")))
            .credentials("simuser", "simpass").account(Account.paper("DU1234567").cash("USD", 1_000_000)).start();
        Map<String, String> env = new HashMap<>(Map.of("IBEAM_GATEWAY_BASE_URL", sim.rootUrl(), "IBEAM_ACCOUNT", "simuser",
            "IBEAM_PASSWORD", "simpass", "IBEAM_HEALTH_SERVER_PORT", "0", "FAKE_IBEAM_TRUSTSTORE", sim.certificatePem(),
            "FAKE_IBEAM_SCENARIO", scenario, "IBEAM_OAUTH_TIMEOUT", oauthSeconds, "FAKE_IBEAM_POLL_MS", "20"));
        env.put("FAKE_IBEAM_SIM_TOKEN", sim.adminToken());
        return new FakeIbeam(env, out::add);
    }

    private static int status(int port, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    @Test
    void aSuccessfulLoginLogsIbeamsLinesAndSendsABodylessInit() throws Exception {
        try (FakeIbeam ibeam = fake("success", "15")) {
            int port = ibeam.startHealthServer();
            assertThat(status(port, "/readyz")).isEqualTo(503);
            assertThat(ibeam.authenticateOnce()).isTrue();
            assertThat(out).anySatisfy(l -> assertThat(l).endsWith("|I| No active sessions, logging in..."))
                .anySatisfy(l -> assertThat(l).endsWith("|I| Logging in succeeded"))
                .anySatisfy(l -> assertThat(l).contains("Gateway running and authenticated, session id: ")
                    .endsWith(", server name: SimServer1"))
                .anySatisfy(l -> assertThat(l).endsWith("|I| Gateway authenticated."))
                .noneSatisfy(l -> assertThat(l).contains("simpass"));
            assertThat(sim.session().state()).isEqualTo(SessionState.AUTHENTICATED);
            var init = sim.journal().last(Route.post("/iserver/auth/ssodh/init"));
            assertThat(init.headers()).containsEntry("Content-Length", "0");
            assertThat(status(port, "/readyz")).isEqualTo(200);
            assertThat(status(port, "/deactivate")).isEqualTo(200);
            // the simulator stops its gateway once the admin response is written: await that, bounded
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (sim.session().state() != SessionState.NOT_RUNNING && System.nanoTime() < deadline)
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            assertThat(sim.session().state()).isEqualTo(SessionState.NOT_RUNNING);
        }
    }

    @Test
    void aTwoFaTimeoutLeavesReadyzAt503() throws Exception {
        try (FakeIbeam ibeam = fake("twofa_timeout", "1")) {
            int port = ibeam.startHealthServer();
            assertThat(ibeam.authenticateOnce()).isFalse();
            assertThat(out).anySatisfy(l -> assertThat(l).contains("|E| Timeout reached when waiting for authentication"))
                .anySatisfy(l -> assertThat(l).endsWith("Gateway not authenticated."));
            assertThat(status(port, "/readyz")).isEqualTo(503);
            assertThat(status(port, "/livez")).isEqualTo(200);
        }
    }

    @Test
    void badCredentialsStopAfterMaxFailedAuthAndLivezTurns500() throws Exception {
        try (FakeIbeam ibeam = fake("bad_password", "15")) {
            int port = ibeam.startHealthServer();
            for (int i = 0; i < 8; i++) ibeam.maintainOnce();
            assertThat(sim.login().attempts()).isEqualTo(5);
            assertThat(out).anySatisfy(l -> assertThat(l).contains("Error displayed by the login webpage: Invalid username password combination"))
                .anySatisfy(l -> assertThat(l).contains("######## ATTENTION! ######## Maximum number of failed authentication"
                    + " attempts (IBEAM_MAX_FAILED_AUTH=5) reached"))
                .anySatisfy(l -> assertThat(l).contains("Shutting IBeam down due to critical error."));
            assertThat(status(port, "/livez")).isEqualTo(500);
        }
    }
}
