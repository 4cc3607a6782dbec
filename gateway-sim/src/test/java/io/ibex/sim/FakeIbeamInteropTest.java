package io.ibex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibex.sim.fakeibeam.FakeIbeam;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake IBeam (io.ibex.sim.fakeibeam) logs in through the simulator's /__sim login flow (§6.1, §6.2). */
class FakeIbeamInteropTest {
    private final GatewaySimulator sim = GatewaySimulator.builder().clock(SimClock.manual(Fixtures.MONDAY_10AM_NY))
        .pacing(PacingMode.OFF).strict(true).start();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @AfterEach void close() { sim.close(); }

    private FakeIbeam ibeam(String scenario) {
        return new FakeIbeam(Map.of("IBEAM_GATEWAY_BASE_URL", sim.rootUrl(), "IBEAM_ACCOUNT", "simuser", "IBEAM_PASSWORD", "simpass",
            "FAKE_IBEAM_TRUSTSTORE", sim.certificatePem(), "FAKE_IBEAM_SCENARIO", scenario, "IBEAM_HEALTH_SERVER_PORT", "0",
            "IBEAM_OAUTH_TIMEOUT", "2", "FAKE_IBEAM_POLL_MS", "10",
            "FAKE_IBEAM_SIM_TOKEN", sim.adminToken()), log::add);
    }

    @Test void aSuccessfulLoginLeavesTheGatewayAuthenticatedWithABodylessInit() {
        try (FakeIbeam ibeam = ibeam("success")) {
            assertThat(ibeam.authenticateOnce()).isTrue();
        }
        assertThat(sim.session().state()).isEqualTo(SessionState.AUTHENTICATED);
        assertThat(log).anyMatch(l -> l.contains("Gateway running and authenticated, session id: " + sim.session().sessionId()));
        assertThat(sim.journal().countStatus(411)).isZero();
    }

    @Test void aBadPasswordIsReportedAsTheLoginPageError() {
        try (FakeIbeam ibeam = ibeam("bad_password")) {
            assertThat(ibeam.authenticateOnce()).isFalse();
        }
        assertThat(sim.session().state()).isEqualTo(SessionState.UNAUTHENTICATED);
        assertThat(log).anyMatch(l -> l.contains("Error displayed by the login webpage: Invalid username password combination"));
    }
}
